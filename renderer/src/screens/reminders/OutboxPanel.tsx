import { useCallback, useEffect, useState } from 'react';
import type { OutboxItem, OutboxStatus, ReminderRun } from '../../../../core/contract/index';
import { call, onEvent } from '../../api/client';
import { EmptyState, errorText } from '../../components/Field';
import { channelLabels, instant } from './use-reminder-settings';

const filters: { label: string; statuses: OutboxStatus[] }[] = [
  { label: 'Drafts', statuses: ['draft'] },
  { label: 'Queued', statuses: ['queued', 'sending'] },
  { label: 'Sent', statuses: ['sent'] },
  { label: 'Failed', statuses: ['failed'] },
  { label: 'All', statuses: [] },
];

const statusLabels: Record<OutboxStatus, string> = {
  draft: 'Draft', queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed', skipped: 'Skipped', cancelled: 'Cancelled',
};

function statusText(item: OutboxItem): string {
  if (item.status === 'sent' && !item.deliveryConfirmed) return 'Sent (unconfirmed)';
  if (item.status === 'queued' && item.channel !== 'email') return 'Ready to send';
  return statusLabels[item.status];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function runSummary(run: ReminderRun): string {
  if (run.mode === 'off') return 'Reminders are off. Choose review or automatic mode under Settings.';
  const sent = run.delivered.filter((entry) => entry.status === 'sent').length;
  return `${plural(run.created.length, run.mode === 'review' ? 'new draft' : 'new message')}, ${sent} e-mailed, ${run.skipped.length} skipped, ${run.deferred.length} waiting for the sending hours or the weekly cap.`;
}

/** Lists why the last run skipped or held back reminders. */
function RunDetails({ run }: { run: ReminderRun }) {
  if (run.skipped.length === 0 && run.deferred.length === 0) return null;
  return (
    <details className="run-details">
      <summary>Skipped and waiting reminders of this run</summary>
      <ul className="plain-list">
        {run.skipped.map((entry, index) => <li key={`s${index}`}><span className="strong">{entry.customerName}</span>: {entry.message}</li>)}
        {run.deferred.map((entry, index) => <li key={`d${index}`}><span className="strong">{entry.customerName}</span>: {entry.message}</li>)}
      </ul>
    </details>
  );
}

/** Shows the outbox: drafts to approve, queued and sent messages, failures with the server's reply, and chat messages to send by hand. */
export function OutboxPanel() {
  const [filter, setFilter] = useState(filters[0] ?? { label: 'All', statuses: [] });
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastRun, setLastRun] = useState<ReminderRun | null>(null);

  const load = useCallback(async () => {
    const result = await call('reminders.outbox', { statuses: filter.statuses, limit: 500 });
    setItems(result.items);
    setCounts(result.counts);
  }, [filter]);

  useEffect(() => {
    void load().catch((failure: unknown) => setError(errorText(failure)));
    return onEvent('ledger.changed', () => void load());
  }, [load]);

  async function perform(task: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await task());
      setSelected(new Set());
      await load();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const act = (name: 'reminders.approve' | 'reminders.cancel' | 'reminders.retry' | 'reminders.markSent', ids: number[], verb: string) =>
    perform(async () => {
      const result = await call(name, { ids });
      return result.unchanged.length === 0 ? `${verb}: ${result.updated.length}.` : `${verb}: ${result.updated.length}. ${result.unchanged.length} could not be changed in their current state.`;
    });

  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const ids = [...selected];
  const countOf = (statuses: OutboxStatus[]) => (statuses.length === 0 ? Object.values(counts).reduce((sum, value) => sum + value, 0) : statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0));

  return (
    <div className="outbox">
      <div className="toolbar">
        <div className="chips" role="group" aria-label="Outbox filter">
          {filters.map((entry) => (
            <button key={entry.label} type="button" className={entry === filter ? 'chip active' : 'chip'} aria-pressed={entry === filter} onClick={() => { setFilter(entry); setSelected(new Set()); }}>
              {entry.label} <span className="chip-count">{countOf(entry.statuses)}</span>
            </button>
          ))}
        </div>
        <button type="button" disabled={busy} onClick={() => void perform(async () => {
          const run = await call('reminders.run', {});
          setLastRun(run);
          return runSummary(run);
        })}>Run reminders now</button>
      </div>
      <div className="actions left">
        <button type="button" disabled={busy || ids.length === 0} onClick={() => void act('reminders.approve', ids, 'Approved')}>Approve and send selected</button>
        <button type="button" className="secondary" disabled={busy || ids.length === 0} onClick={() => void act('reminders.retry', ids, 'Queued again')}>Retry selected</button>
        <button type="button" className="secondary" disabled={busy || ids.length === 0} onClick={() => void act('reminders.cancel', ids, 'Cancelled')}>Cancel selected</button>
      </div>
      {notice !== null && <p className="success" role="status">{notice}</p>}
      {lastRun !== null && <RunDetails run={lastRun} />}
      {error !== null && <p className="error" role="alert">{error}</p>}
      {items.length === 0 ? (
        <EmptyState title={`No ${filter.label.toLowerCase()} messages`}>
          <p>Reminders appear here when a schedule step falls due. Use “Run reminders now” to check at once.</p>
        </EmptyState>
      ) : (
        <table className="data-table outbox-table" aria-label="Outbox">
          <thead>
            <tr>
              <th><input type="checkbox" aria-label="Select all" checked={ids.length === items.length} onChange={(event) => setSelected(new Set(event.target.checked ? items.map((item) => item.id) : []))} /></th>
              <th>Customer</th><th>Channel</th><th>Message</th><th>Status</th><th>Send</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <OutboxRow key={item.id} item={item} selected={selected.has(item.id)} onToggle={() => toggle(item.id)} onMarkSent={() => void act('reminders.markSent', [item.id], 'Marked sent')} busy={busy} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function OutboxRow({ item, selected, onToggle, onMarkSent, busy }: { item: OutboxItem; selected: boolean; onToggle: () => void; onMarkSent: () => void; busy: boolean }) {
  const [copied, setCopied] = useState(false);
  const chat = item.channel !== 'email';
  const pending = item.status === 'draft' || item.status === 'queued';
  return (
    <tr className={`status-${item.status}`} aria-label={`${item.customerName} ${channelLabels[item.channel]} ${statusText(item)}`}>
      <td><input type="checkbox" aria-label={`Select message ${item.id}`} checked={selected} onChange={onToggle} /></td>
      <td>
        <div className="strong">{item.customerName}</div>
        <div className="hint">{item.invoiceNumbers.join(', ')}</div>
      </td>
      <td>
        {channelLabels[item.channel]}
        <div className="hint">{item.recipients.map((recipient) => recipient.address).join(', ')}</div>
      </td>
      <td className="message-cell">
        <details>
          <summary>{item.subject === '' ? item.body.slice(0, 80) : item.subject}</summary>
          <pre className="message-body">{item.body}</pre>
          {item.attachStatement && <p className="hint">Statement of account attached as PDF.</p>}
        </details>
      </td>
      <td>
        <span className={`badge ${item.status}`}>{statusText(item)}</span>
        {item.attempts > 0 && <div className="hint">{item.attempts} attempt{item.attempts === 1 ? '' : 's'}{item.status === 'queued' ? `, next ${instant(item.nextAttemptAt)}` : ''}</div>}
        {item.sentAt !== null && <div className="hint">{instant(item.sentAt)}</div>}
        {item.lastError !== null && <div className="field-error">{item.lastError}</div>}
      </td>
      <td>
        {chat && pending && item.link !== null && (
          <div className="row-actions">
            <a className="button-link" href={item.link} target="_blank" rel="noopener noreferrer">Open {channelLabels[item.channel]}</a>
            <button type="button" className="link" onClick={() => void navigator.clipboard.writeText(item.body).then(() => setCopied(true))}>{copied ? 'Copied' : 'Copy text'}</button>
            <button type="button" className="secondary" disabled={busy} onClick={onMarkSent}>Mark sent</button>
          </div>
        )}
      </td>
    </tr>
  );
}
