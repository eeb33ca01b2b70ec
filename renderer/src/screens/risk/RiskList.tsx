import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RiskQuery, RiskRow } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';
import { count, money, plural } from '../../format';
import { useAppStore } from '../../store/index';
import { BandBadge, ScoreBar } from './BandBadge';
import { actionLabels, bandNames, smaNames } from './labels';

const pageSize = 200;
const rowHeight = 44;
type SortField = NonNullable<RiskQuery['sort']>;

const columns: { field: SortField | null; label: string; className?: string }[] = [
  { field: 'name', label: 'Customer' },
  { field: 'score', label: 'Score' },
  { field: null, label: 'Band' },
  { field: 'outstanding', label: 'Outstanding', className: 'number' },
  { field: 'overdue', label: 'Overdue', className: 'number' },
  { field: 'daysPastDue', label: 'Days past due', className: 'number' },
  { field: 'exposure', label: 'Exposure', className: 'number' },
  { field: null, label: 'SMA' },
  { field: null, label: 'Indicators' },
  { field: null, label: 'Suggested action' },
];

/**
 * Shows the scored customer list. Only the rows on screen are rendered, and pages of 200 rows are
 * fetched as they scroll into view, so it stays fast with 100,000 customers.
 */
export function RiskList({ currency }: { currency: string }) {
  const openCustomer = useAppStore((state) => state.openCustomer);
  const [query, setQuery] = useState<RiskQuery>({ sort: 'score', descending: true, bands: [], smaClasses: [], search: '', overdueOnly: false, withIndicators: false });
  const [total, setTotal] = useState(0);
  const [pages, setPages] = useState<Map<number, RiskRow[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const loadPage = useCallback(async (page: number, currentGeneration: number) => {
    if (loading.current.has(page)) return;
    loading.current.add(page);
    try {
      const result = await call('risk.customers', { ...query, offset: page * pageSize, limit: pageSize });
      if (currentGeneration !== generation.current) return;
      setTotal(result.total);
      setPages((previous) => new Map(previous).set(page, result.items));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      loading.current.delete(page);
    }
  }, [query]);

  useEffect(() => {
    generation.current += 1;
    loading.current.clear();
    setPages(new Map());
    void loadPage(0, generation.current);
  }, [loadPage]);

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    const needed = new Set(items.map((item) => Math.floor(item.index / pageSize)));
    for (const page of needed) if (!pages.has(page)) void loadPage(page, generation.current);
  }, [items, pages, loadPage]);

  const sortBy = (field: SortField) => setQuery({ ...query, sort: field, descending: query.sort === field ? !query.descending : field !== 'name' });
  const toggle = <T extends string>(list: T[] | undefined, value: T) => (list ?? []).includes(value) ? (list ?? []).filter((item) => item !== value) : [...(list ?? []), value];

  return (
    <div className="risk-list">
      <div className="filters" aria-label="Filters">
        <input type="search" name="search" placeholder="Search name, code, GSTIN, PAN, phone, e-mail" value={query.search} onChange={(event) => setQuery({ ...query, search: event.target.value })} />
        <div className="chips" role="group" aria-label="Band filter">
          {bandNames.map((band) => (
            <button key={band} type="button" className={query.bands?.includes(band) ? 'chip active' : 'chip'} aria-pressed={query.bands?.includes(band) ?? false} onClick={() => setQuery({ ...query, bands: toggle(query.bands, band) })}>{band}</button>
          ))}
        </div>
        <select name="sma" aria-label="SMA class" value={query.smaClasses?.[0] ?? ''} onChange={(event) => setQuery({ ...query, smaClasses: event.target.value === '' ? [] : [event.target.value as (typeof smaNames)[number]] })}>
          <option value="">Any SMA class</option>
          {smaNames.map((sma) => <option key={sma} value={sma}>{sma === 'standard' ? 'Standard' : sma}</option>)}
        </select>
        <label className="check inline"><input type="checkbox" checked={query.overdueOnly ?? false} onChange={(event) => setQuery({ ...query, overdueOnly: event.target.checked })} /> Overdue only</label>
        <label className="check inline"><input type="checkbox" checked={query.withIndicators ?? false} onChange={(event) => setQuery({ ...query, withIndicators: event.target.checked })} /> With indicators</label>
        <input name="minScore" type="number" min={0} max={100} aria-label="Minimum score" placeholder="Min score" value={query.minScore ?? ''} onChange={(event) => setQuery({ ...query, minScore: event.target.value === '' ? undefined : Number(event.target.value) })} />
        <span className="hint">{plural(total, 'customer')}</span>
      </div>
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="grid-table" role="table" aria-label="Customers by risk" aria-rowcount={total}>
        <div className="grid-row grid-head" role="row">
          {columns.map((column) => (
            <div key={column.label} role="columnheader" className={column.className} aria-sort={column.field !== null && query.sort === column.field ? (query.descending ? 'descending' : 'ascending') : undefined}>
              {column.field === null ? column.label : <button type="button" className="sort" onClick={() => sortBy(column.field as SortField)}>{column.label}{query.sort === column.field ? (query.descending ? ' ▼' : ' ▲') : ''}</button>}
            </div>
          ))}
        </div>
        {total === 0 && <p className="hint empty-list">No customer matches these filters.</p>}
        <div ref={scrollRef} className="grid-body">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = pages.get(Math.floor(item.index / pageSize))?.[item.index % pageSize];
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className="grid-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}>
                  {row === undefined ? <div role="cell" className="hint">Loading…</div> : <RiskCells row={row} currency={currency} onOpen={() => openCustomer(row.customerId)} />}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

function RiskCells({ row, currency, onOpen }: { row: RiskRow; currency: string; onOpen: () => void }) {
  return (
    <>
      <div role="cell" className="name-cell"><button type="button" className="link" onClick={onOpen}>{row.name}</button>{row.externalRef !== null && row.externalRef !== row.name && <span className="hint"> {row.externalRef}</span>}</div>
      <div role="cell"><ScoreBar score={row.score} /></div>
      <div role="cell"><BandBadge band={row.band} /></div>
      <div role="cell" className="number">{money(row.outstandingMinor, currency)}</div>
      <div role="cell" className="number">{money(row.overdueMinor, currency)}</div>
      <div role="cell" className="number">{count(row.daysPastDue)}</div>
      <div role="cell" className="number">{money(row.exposureMinor, currency)}</div>
      <div role="cell">{row.smaClass === 'standard' ? '—' : row.smaClass}</div>
      <div role="cell">{row.indicatorCount === 0 ? '—' : <span className={`indicator ${row.indicatorSeverity ?? ''}`}>{row.indicatorCount}</span>}</div>
      <div role="cell" title={row.topReason ?? undefined}>{actionLabels[row.suggestedAction]}</div>
    </>
  );
}
