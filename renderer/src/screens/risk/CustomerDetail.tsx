import { useCallback, useEffect, useState } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { RequestOutput } from '../../../../core/contract/index';
import { toDayNumber, fromDayNumber } from '../../../../core/ledger/dates';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';
import { count, date, money } from '../../format';
import { useAppStore } from '../../store/index';
import { CustomerAlertsCard } from '../alerts/CustomerAlertsCard';
import { BandBadge, ScoreBar } from './BandBadge';
import { CreditPolicyForm } from './CreditPolicyForm';
import { actionLabels } from './labels';

type Detail = RequestOutput<'risk.customer'>;

/** One customer: score, band and reasons, payment history, invoices, indicators, credit policy. */
export function CustomerDetail({ customerId, currency }: { customerId: number; currency: string }) {
  const openCustomer = useAppStore((state) => state.openCustomer);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<Set<number>>(new Set());
  const showEvidence = useCallback((invoiceIds: Set<number>) => setEvidence(invoiceIds), []);
  const load = () => void call('risk.customer', { id: customerId }).then(setDetail).catch((failure: unknown) => setError(errorText(failure)));
  useEffect(load, [customerId]);

  if (error !== null) return <p className="error" role="alert">{error}</p>;
  if (detail === null) return <section aria-busy="true" />;
  const { customer, risk, history } = detail;
  const points = history.filter((point) => point.daysLate !== null).map((point) => ({ day: toDayNumber(point.issueDate), daysLate: point.daysLate, invoice: point.invoiceNumber, open: point.openMinor > 0 }));
  const open = history.filter((point) => point.openMinor > 0);
  const paid = history.filter((point) => point.openMinor === 0).slice(-50).reverse();

  return (
    <section aria-label="Customer">
      <button type="button" className="link" onClick={() => openCustomer(null)}>← All customers</button>
      <header className="section-header">
        <div>
          <h1>{customer.name}</h1>
          <p className="hint">{[customer.externalRef, customer.gstin === null ? null : `GSTIN ${customer.gstin}`, customer.pan === null ? null : `PAN ${customer.pan}`, ...customer.contacts.map((contact) => contact.value)].filter(Boolean).join(' · ')}</p>
        </div>
        {risk !== null && (
          <div className="score-panel" aria-label="Risk score">
            <BandBadge band={risk.band} />
            <div><ScoreBar score={risk.score} /><div className="hint">{(risk.probability * 100).toFixed(0)}% chance the next invoice is paid late · {risk.method === 'logistic' ? 'fitted model' : 'scorecard'}</div></div>
            <div className="action-tag">{actionLabels[risk.suggestedAction]}</div>
          </div>
        )}
      </header>
      {risk === null ? <p className="hint">This customer has not been scored yet.</p> : (
        <div className="chart-grid">
          <div className="card" aria-label="Reasons">
            <h2>Why this score</h2>
            <ul className="reasons">
              {risk.reasons.map((reason) => <li key={reason.code} className={reason.direction}><span className="reason-mark">{reason.direction === 'raises' ? '▲' : '▼'}</span>{reason.text}</li>)}
            </ul>
            <p className="hint">Suggested action: {actionLabels[risk.suggestedAction]} ({risk.actionBasis.join('; ')})</p>
          </div>
          <div className="card" aria-label="Receivables">
            <h2>Receivables as of {date(risk.asOf)}</h2>
            <dl className="facts">
              <dt>Outstanding</dt><dd>{money(risk.analytics.outstandingMinor, currency)}</dd>
              <dt>Overdue</dt><dd>{money(risk.analytics.overdueMinor, currency)}</dd>
              <dt>Days past due</dt><dd>{count(risk.analytics.daysPastDue)}</dd>
              <dt>RBI class</dt><dd>{risk.smaClass === 'standard' ? 'Standard' : risk.smaClass}</dd>
              <dt>DSO</dt><dd>{risk.analytics.dso.capped ? 'over ' : ''}{count(risk.analytics.dso.days)} days</dd>
              <dt>Credit limit</dt><dd>{risk.analytics.credit.limitMinor === null ? 'None set' : `${money(risk.analytics.credit.limitMinor, currency)} (${((risk.analytics.credit.utilisation ?? 0) * 100).toFixed(0)}% used)`}</dd>
            </dl>
            <table className="data-table compact"><tbody>{risk.analytics.aging.map((bucket) => <tr key={bucket.label}><td>{bucket.label}</td><td className="number">{money(bucket.amountMinor, currency)}</td></tr>)}</tbody></table>
          </div>
        </div>
      )}
      <div className="card" aria-label="Payment history">
        <h2>Payment history (days late per invoice)</h2>
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart margin={{ left: 10, right: 20 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="day" domain={['dataMin', 'dataMax']} tickFormatter={(value: number) => date(fromDayNumber(value))} name="Invoice date" />
            <YAxis type="number" dataKey="daysLate" name="Days late" width={40} />
            <ZAxis range={[40, 40]} />
            <ReferenceLine y={0} stroke="#6b7686" />
            <Tooltip formatter={(value, name) => (name === 'Invoice date' ? date(fromDayNumber(Number(value))) : String(value))} />
            <Scatter data={points.filter((point) => !point.open)} fill="#0f6e5c" isAnimationActive={false} name="Settled" />
            <Scatter data={points.filter((point) => point.open)} fill="#b3261e" isAnimationActive={false} name="Open" />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      {risk !== null && risk.indicators.length > 0 && (
        <div className="card" aria-label="Indicators">
          <h2>Indicators</h2>
          {risk.indicators.map((indicator, index) => (
            <div key={index} className={`indicator-row ${indicator.severity}`}>
              <strong>{indicator.category}</strong> · {indicator.message}
              {indicator.records.length > 0 && <span className="hint"> Evidence: {indicator.records.map((record) => `${record.kind} ${record.id}`).join(', ')}</span>}
            </div>
          ))}
        </div>
      )}
      <CustomerAlertsCard customerId={customerId} scoreHistory={detail.scoreHistory} currency={currency} onEvidence={showEvidence} />
      <div className="card" aria-label="Open invoices">
        <h2>Open invoices <span className="count">{count(open.length)}</span></h2>
        <InvoiceTable rows={open} evidence={evidence} />
        <h2>Recently paid</h2>
        <InvoiceTable rows={paid} evidence={evidence} />
      </div>
      <CreditPolicyForm customer={customer} onSaved={load} />
    </section>
  );
}

/** Invoices of one customer; rows in `evidence` (the invoices behind the alert opened from the inbox) are highlighted. */
function InvoiceTable({ rows, evidence }: { rows: Detail['history']; evidence: ReadonlySet<number> }) {
  if (rows.length === 0) return <p className="hint">None.</p>;
  return (
    <table className="data-table compact">
      <thead><tr><th>Invoice</th><th>Date</th><th>Due</th><th>Settled</th><th className="number">Days late</th><th className="number">Amount</th><th className="number">Open</th></tr></thead>
      <tbody>{rows.map((row) => (
        <tr key={row.invoiceId} className={evidence.has(row.invoiceId) ? 'evidence' : undefined} aria-label={evidence.has(row.invoiceId) ? `Evidence ${row.invoiceNumber}` : undefined}>
          <td className="mono">{row.invoiceNumber}{row.disputed ? ' (disputed)' : ''}</td><td>{date(row.issueDate)}</td><td>{date(row.dueDate)}</td><td>{date(row.settledOn)}</td>
          <td className="number">{row.daysLate ?? '—'}</td><td className="number">{money(row.amountMinor, row.currency)}</td><td className="number">{money(row.openMinor, row.currency)}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}
