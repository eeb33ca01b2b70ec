import { useEffect, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RequestOutput } from '../../../../core/contract/index';
import { fromDayNumber, toDayNumber } from '../../../../core/ledger/dates';
import { ruleDescriptions } from '../../../../core/warning/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';
import { date } from '../../format';
import { useAppStore } from '../../store/index';
import { evidenceFacts, severityLabels, stateLabels } from './labels';

type CustomerAlerts = RequestOutput<'alerts.customer'>;
type ScorePoint = RequestOutput<'risk.customer'>['scoreHistory'][number];

interface ChartPoint {
  day: number;
  score?: number;
  bureau?: number;
  rank?: number;
}

/** Joins the payment-behaviour scores and the bureau reports by day for one chart. */
function chartPoints(scores: readonly ScorePoint[], bureau: CustomerAlerts['bureau']): ChartPoint[] {
  const byDay = new Map<number, ChartPoint>();
  const at = (day: number) => byDay.get(day) ?? byDay.set(day, { day }).get(day)!;
  for (const point of scores) at(toDayNumber(point.asOf)).score = point.score;
  for (const report of bureau) {
    const point = at(toDayNumber(report.reportDate));
    if (report.scale === 'rank-1-10') point.rank = report.value;
    else point.bureau = report.value;
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/**
 * Shows one customer's alerts, with the alert opened from the inbox highlighted and its evidence
 * invoices reported to the parent, and the bureau score history beside the payment-behaviour score.
 */
export function CustomerAlertsCard({ customerId, scoreHistory, currency, onEvidence }: { customerId: number; scoreHistory: readonly ScorePoint[]; currency: string; onEvidence: (invoiceIds: Set<number>) => void }) {
  const highlighted = useAppStore((state) => state.highlightedAlertId);
  const [data, setData] = useState<CustomerAlerts | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void call('alerts.customer', { customerId }).then(setData).catch((failure: unknown) => setError(errorText(failure))), [customerId]);
  useEffect(() => {
    const alert = data?.alerts.find((item) => item.id === highlighted);
    onEvidence(new Set(alert?.evidence.invoices.map((invoice) => invoice.id) ?? []));
    if (alert !== undefined) document.querySelector(`[data-customer-alert="${alert.id}"]`)?.scrollIntoView({ block: 'center' });
  }, [data, highlighted, onEvidence]);

  if (error !== null) return <p className="error" role="alert">{error}</p>;
  if (data === null) return null;
  const points = chartPoints(scoreHistory, data.bureau);
  const hasBureau = data.bureau.some((report) => report.scale === 'score-300-900');
  const hasRank = data.bureau.some((report) => report.scale === 'rank-1-10');

  return (
    <>
      <div className="card" aria-label="Customer alerts">
        <h2>Alerts</h2>
        {data.alerts.length === 0 ? <p className="hint">No alerts for this customer.</p> : data.alerts.map((alert) => (
          <div key={alert.id} data-customer-alert={alert.id} className={`indicator-row ${alert.severity}${alert.id === highlighted ? ' highlighted' : ''}`} aria-current={alert.id === highlighted ? 'true' : undefined}>
            <strong>{date(alert.alertDate)} · {ruleDescriptions[alert.rule].label}</strong> <span className={`badge alert-${alert.severity}`}>{severityLabels[alert.severity]}</span> <span className="badge">{stateLabels[alert.state]}</span>
            <div>{alert.message}</div>
            <div className="hint">{[alert.evidence.invoices.length > 0 ? `Invoices ${alert.evidence.invoices.map((invoice) => invoice.number).join(', ')}` : null, ...evidenceFacts(alert, currency)].filter(Boolean).join(' · ')}</div>
          </div>
        ))}
      </div>
      <div className="card" aria-label="Score history">
        <h2>Payment-behaviour score and bureau score</h2>
        {points.length === 0 ? <p className="hint">No scores yet.</p> : (
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={points} margin={{ left: 10, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" dataKey="day" domain={['dataMin', 'dataMax']} tickFormatter={(value: number) => date(fromDayNumber(value))} />
              <YAxis yAxisId="score" domain={[0, 100]} width={40} label={{ value: 'risk 0-100', angle: -90, position: 'insideLeft' }} />
              {hasBureau && <YAxis yAxisId="bureau" orientation="right" domain={[300, 900]} width={44} />}
              {hasRank && <YAxis yAxisId="rank" orientation="right" domain={[1, 10]} reversed width={30} />}
              <Tooltip labelFormatter={(value) => date(fromDayNumber(Number(value)))} />
              <Legend />
              <Line yAxisId="score" dataKey="score" name="Payment-behaviour score (higher is riskier)" stroke="#b3261e" dot={{ r: 2 }} connectNulls isAnimationActive={false} />
              {hasBureau && <Line yAxisId="bureau" dataKey="bureau" name="Bureau score (300-900)" stroke="#0f6e5c" connectNulls isAnimationActive={false} />}
              {hasRank && <Line yAxisId="rank" dataKey="rank" name="CIBIL MSME rank (1 best)" stroke="#1f4f8a" connectNulls isAnimationActive={false} />}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </>
  );
}
