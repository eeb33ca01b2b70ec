import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../core/ledger/dates';
import { featureCount, featureNames, writeFeatures } from '../../../core/scoring/features';
import { historyColumnCount, historyColumns as h, sweepHistory } from '../../../core/scoring/history';
import { buildLedgerIndex } from '../../../core/scoring/index/ledger-index';
import type { LedgerSnapshot } from '../../../core/scoring/types';
import { LedgerBuilder } from './support/ledger-builder';

function rowsAt(snapshot: LedgerSnapshot, asOf: string, customerId: number, queryDates: string[]): number[][] {
  const index = buildLedgerIndex(snapshot, asOf);
  const out = new Float64Array(queryDates.length * historyColumnCount);
  sweepHistory(index, index.customerIndexById.get(customerId) ?? -1, queryDates.map(toDayNumber), 0, 6, out);
  return queryDates.map((_, row) => Array.from(out.subarray(row * historyColumnCount, (row + 1) * historyColumnCount)));
}

function buildLedger(): { ledger: LedgerBuilder; customer: number } {
  const ledger = new LedgerBuilder();
  const customer = ledger.customer();
  const tenLate = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
  const early = ledger.invoice(customer, '2024-01-15', '2024-02-14', 20_000);
  ledger.invoice(customer, '2024-02-20', '2024-03-21', 10_000);
  ledger.pay(tenLate, '2024-02-10');
  ledger.pay(early, '2024-02-10');
  ledger.dispute(tenLate, '2024-02-01');
  return { ledger, customer };
}

describe('sweepHistory', () => {
  const { ledger, customer } = buildLedger();
  const [before, after, april] = rowsAt(ledger.snapshot(), '2024-06-30', customer, ['2024-02-10', '2024-02-11', '2024-04-01']);

  it('sees only records dated before the query day', () => {
    expect(before?.[h.paid]).toBe(0);
    expect(before?.[h.issued]).toBe(2);
    expect(before?.[h.meanAmount]).toBe(15_000);
    expect(before?.[h.disputes]).toBe(1);
    expect(before?.[h.openOverdue]).toBe(1);
    expect(before?.[h.oldestOverdueDays]).toBe(10);
  });

  it('counts settlements from the day after', () => {
    expect(after?.[h.paid]).toBe(2);
    expect(after?.[h.late]).toBe(1);
    expect(after?.[h.daysLate]).toBeCloseTo((10 * 10_000) / 30_000, 12);
    expect(after?.[h.timing]).toBe(3);
    expect(after?.[h.openOverdue]).toBe(0);
    expect(after?.[h.oldestOverdueDays]).toBe(0);
  });

  it('tracks the oldest overdue invoice', () => {
    expect(april?.[h.issued]).toBe(3);
    expect(april?.[h.openOverdue]).toBe(1);
    expect(april?.[h.oldestOverdueDays]).toBe(11);
  });

  it('ignores records dated on or after the query day', () => {
    const later = buildLedger();
    const extra = later.ledger.invoice(later.customer, '2024-02-11', '2024-02-12', 99_000);
    later.ledger.pay(extra, '2024-02-12');
    later.ledger.dispute(extra, '2024-02-11');
    const [unchanged] = rowsAt(later.ledger.snapshot(), '2024-06-30', later.customer, ['2024-02-11']);
    expect(unchanged).toEqual(after);
  });
});

describe('writeFeatures', () => {
  it('shrinks late shares towards the ledger share', () => {
    const { ledger, customer } = buildLedger();
    const [row] = rowsAt(ledger.snapshot(), '2024-06-30', customer, ['2024-02-11']);
    const features = new Float64Array(featureCount);
    writeFeatures(Float64Array.from(row ?? []), 0, 30_000, { lateShare: 0.4, strength: 2 }, features, 0);
    const value = (name: string) => features[featureNames.indexOf(name as (typeof featureNames)[number])];

    // (1 late + 2 × 0.4) / (2 paid + 2)
    expect(value('lateShare')).toBeCloseTo(1.8 / 4, 12);
    expect(value('paidCount')).toBeCloseTo(Math.log(3), 12);
    expect(value('amountRatio')).toBeCloseTo(Math.log(2), 12);
    expect(value('disputeShare')).toBeCloseTo(1 / 3, 12);
    expect(value('timing')).toBe(3);
  });
});
