import { useCallback, useEffect, useState } from 'react';
import type { AlertState, RequestOutput } from '../../../../core/contract/index';
import { ruleDescriptions, type RuleId } from '../../../../core/warning/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';
import { count, date } from '../../format';
import { useAppStore } from '../../store/index';
import { AlertActions } from './AlertActions';
import { AlertRulesCard } from './AlertRulesCard';
import { BureauImportCard } from './BureauImportCard';
import { evidenceFacts, ruleOptions, severityLabels, stateLabels } from './labels';

type Page = RequestOutput<'alerts.list'>;
const stateTabs: AlertState[] = ['new', 'acknowledged', 'snoozed', 'resolved'];

/** Shows the alert inbox, most severe and newest first, filtered by state, rule and customer, with bulk actions. */
export function AlertsScreen() {
  const openAlert = useAppStore((state) => state.openAlert);
  const [state, setState] = useState<AlertState>('new');
  const [rule, setRule] = useState<RuleId | ''>('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [currency, setCurrency] = useState('INR');

  const load = useCallback(() => {
    call('alerts.list', { states: [state], rules: rule === '' ? [] : [rule], search, limit: 500 })
      .then((result) => {
        setPage(result);
        setSelected((previous) => new Set([...previous].filter((id) => result.items.some((item) => item.id === id))));
      })
      .catch((failure: unknown) => setError(errorText(failure)));
  }, [state, rule, search]);
  useEffect(load, [load]);
  useEffect(() => void call('settings.get', {}).then((settings) => setCurrency(settings.baseCurrency)).catch(() => undefined), []);

  const toggle = (id: number) => setSelected((previous) => {
    const next = new Set(previous);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const items = page?.items ?? [];
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  // The server's last evaluated day is today in the business time zone once any rule has run.
  const today = page?.lastEvaluatedDay ?? new Date().toISOString().slice(0, 10);

  return (
    <section aria-label="Alerts">
      <header className="section-header">
        <div>
          <h1>Alerts</h1>
          <p className="hint">{page?.lastEvaluatedDay === null || page === null ? 'The rules have not run yet: import a ledger first.' : `Rules last run for ${date(page.lastEvaluatedDay)}.`}</p>
        </div>
        <button type="button" className="secondary" onClick={() => void call('alerts.evaluate', {}).then((run) => { setMessage(`Rules run for ${run.evaluatedDays.length} day(s): ${run.opened} new alert(s).`); load(); }).catch((failure: unknown) => setError(errorText(failure)))}>Run rules now</button>
      </header>
      <div className="tabs" role="tablist" aria-label="Alert state">
        {stateTabs.map((tab) => (
          <button key={tab} type="button" role="tab" aria-selected={tab === state} className={tab === state ? 'tab active' : 'tab'} onClick={() => { setState(tab); setSelected(new Set()); }}>
            {stateLabels[tab]}<span className="chip-count">{count(page?.counts[tab] ?? 0)}</span>
          </button>
        ))}
      </div>
      <div className="filters" aria-label="Alert filters">
        <input type="search" name="alertSearch" placeholder="Customer name or code" value={search} onChange={(event) => setSearch(event.target.value)} />
        <select name="rule" aria-label="Rule" value={rule} onChange={(event) => setRule(event.target.value as RuleId | '')}>
          <option value="">All rules</option>
          {ruleOptions.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
        </select>
      </div>
      {state !== 'resolved' && page !== null && <AlertActions ids={[...selected]} today={today} onDone={(text) => { setMessage(text); setSelected(new Set()); load(); }} />}
      {message !== null && <p className="success" role="status">{message}</p>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      {page !== null && items.length === 0 ? <p className="hint">No {stateLabels[state].toLowerCase()} alerts.</p> : (
        <table className="data-table alerts-table" aria-label="Alert inbox">
          <thead><tr>
            <th><input type="checkbox" aria-label="Select all" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))} /></th>
            <th>Severity</th><th>Date</th><th>Rule</th><th>Customer</th><th>What happened</th>
          </tr></thead>
          <tbody>{items.map((alert) => (
            <tr key={alert.id} className={`severity-${alert.severity}`} data-alert-id={alert.id}>
              <td><input type="checkbox" aria-label={`Select alert ${alert.id}`} checked={selected.has(alert.id)} onChange={() => toggle(alert.id)} /></td>
              <td><span className={`badge alert-${alert.severity}`}>{severityLabels[alert.severity]}</span></td>
              <td>{date(alert.alertDate)}{alert.endedOn !== null && <div className="hint">ended {date(alert.endedOn)}</div>}</td>
              <td title={ruleDescriptions[alert.rule].description}>{ruleDescriptions[alert.rule].label}</td>
              <td><button type="button" className="link" onClick={() => openAlert(alert.customerId, alert.id)}>{alert.customerName}</button>{alert.customerRef !== null && <div className="hint mono">{alert.customerRef}</div>}</td>
              <td className="alert-message">
                {alert.message}
                <div className="hint">{[alert.evidence.invoices.length > 0 ? `Invoices ${alert.evidence.invoices.map((invoice) => invoice.number).join(', ')}` : null, ...evidenceFacts(alert, currency)].filter(Boolean).join(' · ')}</div>
                {alert.state === 'snoozed' && <div className="hint">Snoozed until {date(alert.snoozedUntil)}</div>}
                {alert.resolutionNote !== null && <div className="hint">Resolved: {alert.resolutionNote}</div>}
              </td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <BureauImportCard onImported={load} />
      <AlertRulesCard />
    </section>
  );
}
