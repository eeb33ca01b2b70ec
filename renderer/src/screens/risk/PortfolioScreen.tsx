import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelView, PortfolioView } from '../../../../core/contract/index';
import { call, onEvent } from '../../api/client';
import { EmptyState, errorText } from '../../components/Field';
import { count, date, money } from '../../format';
import { useAppStore } from '../../store/index';
import { BandBadge } from './BandBadge';
import { bandColours } from './labels';
import { ModelQualityCard } from './ModelQualityCard';

/** Ledger-wide view: totals, exposure by band, aging, DSO trend and customers that changed band this month. */
export function PortfolioScreen() {
  const openCustomer = useAppStore((state) => state.openCustomer);
  const go = useAppStore((state) => state.go);
  const [portfolio, setPortfolio] = useState<PortfolioView | null | undefined>(undefined);
  const [model, setModel] = useState<ModelView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => {
    call('risk.portfolio', {}).then(setPortfolio).catch((failure: unknown) => setError(errorText(failure)));
    call('risk.model', {}).then(setModel).catch(() => setModel(null));
  };
  useEffect(() => {
    load();
    return onEvent('risk.updated', load);
  }, []);

  async function rescore() {
    setBusy(true);
    try {
      await call('risk.rescore', {});
      load();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  if (portfolio === undefined) return <section aria-label="Portfolio" aria-busy="true" />;
  if (portfolio === null) {
    return (
      <section aria-label="Portfolio">
        <header className="section-header"><h1>Portfolio</h1></header>
        {error !== null && <p className="error" role="alert">{error}</p>}
        <EmptyState title="No receivables yet">
          <p>Import a customer ledger to see exposure, aging, DSO and each customer&apos;s payment risk.</p>
          <button type="button" onClick={() => go('import')}>Import a ledger</button>
        </EmptyState>
      </section>
    );
  }
  const { summary } = portfolio;
  const currency = summary.currency;
  const byBand = summary.byBand.map((group) => ({ band: group.key, customers: group.customers, exposure: group.exposureMinor / 100 }));
  const aging = summary.aging.map((bucket) => ({ label: bucket.label, amount: bucket.amountMinor / 100, amountMinor: bucket.amountMinor }));
  return (
    <section aria-label="Portfolio">
      <header className="section-header">
        <h1>Portfolio</h1>
        <div className="header-actions">
          <span className="hint">Scored as of {date(portfolio.asOf)}</span>
          <button type="button" className="secondary" onClick={() => void rescore()} disabled={busy}>{busy ? 'Scoring…' : 'Rescore now'}</button>
        </div>
      </header>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="kpis">
        <Kpi label="Outstanding" value={money(summary.outstandingMinor, currency)} />
        <Kpi label="Overdue" value={money(summary.overdueMinor, currency)} />
        <Kpi label="DSO (count-back)" value={`${summary.dso.capped ? 'over ' : ''}${count(summary.dso.days)} days`} />
        <Kpi label="Customers" value={count(summary.customerCount)} />
      </div>
      <div className="chart-grid">
        <div className="card" aria-label="Exposure by band">
          <h2>Exposure by band</h2>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={byBand}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="band" />
              <YAxis tickFormatter={(value: number) => compact(value)} width={70} />
              <Tooltip formatter={(value) => money(Math.round(Number(value) * 100), currency)} />
              <Bar dataKey="exposure" isAnimationActive={false}>
                {byBand.map((entry) => <Cell key={entry.band} fill={bandColours[entry.band] ?? '#888'} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
          <table className="data-table compact">
            <thead><tr><th>Band</th><th className="number">Customers</th><th className="number">Exposure</th></tr></thead>
            <tbody>{summary.byBand.map((group) => <tr key={group.key}><td><BandBadge band={group.key} /></td><td className="number">{count(group.customers)}</td><td className="number">{money(group.exposureMinor, currency)}</td></tr>)}</tbody>
          </table>
        </div>
        <div className="card" aria-label="Aging">
          <h2>Aging</h2>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={aging}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
              <YAxis tickFormatter={(value: number) => compact(value)} width={70} />
              <Tooltip formatter={(value) => money(Math.round(Number(value) * 100), currency)} />
              <Bar dataKey="amount" fill="#0f6e5c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          <table className="data-table compact">
            <tbody>{summary.aging.map((bucket) => <tr key={bucket.label}><td>{bucket.label}</td><td className="number">{money(bucket.amountMinor, currency)}</td></tr>)}</tbody>
          </table>
        </div>
        <div className="card" aria-label="DSO trend">
          <h2>DSO trend</h2>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={portfolio.dsoTrend}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="asOf" tickFormatter={(value: string) => date(value)} tick={{ fontSize: 11 }} />
              <YAxis width={40} />
              <Tooltip labelFormatter={(value) => date(String(value))} />
              <Line type="monotone" dataKey="dsoDays" stroke="#0f6e5c" dot isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <div className="card" aria-label="Band changes this month">
          <h2>Changed band this month</h2>
          {portfolio.bandMoves.length === 0 ? <p className="hint">No customer changed band this month.</p> : (
            <table className="data-table compact">
              <thead><tr><th>Customer</th><th>From</th><th>To</th></tr></thead>
              <tbody>{portfolio.bandMoves.map((move) => (
                <tr key={move.customerId}><td><button type="button" className="link" onClick={() => openCustomer(move.customerId)}>{move.name}</button></td><td><BandBadge band={move.from} /></td><td><BandBadge band={move.to} /></td></tr>
              ))}</tbody>
            </table>
          )}
        </div>
      </div>
      <ModelQualityCard model={model} />
    </section>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return <div className="kpi"><span className="kpi-label">{label}</span><span className="kpi-value">{value}</span></div>;
}

/** Shortens large rupee amounts for chart axes: 1.2L, 3.4Cr. */
function compact(value: number): string {
  if (Math.abs(value) >= 1e7) return `${(value / 1e7).toFixed(1)}Cr`;
  if (Math.abs(value) >= 1e5) return `${(value / 1e5).toFixed(1)}L`;
  if (Math.abs(value) >= 1e3) return `${(value / 1e3).toFixed(1)}K`;
  return String(value);
}
