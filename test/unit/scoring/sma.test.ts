import { describe, expect, it } from 'vitest';
import { buildLedgerIndex } from '../../../core/scoring/index/ledger-index';
import { buildSmaTimeline, daysPastDueOn, smaClassForDaysPastDue, smaClassOn, smaTransitions, type SmaTimeline } from '../../../core/scoring/sma';
import type { LedgerSnapshot, NpaThreshold } from '../../../core/scoring/types';
import { LedgerBuilder } from './support/ledger-builder';

const ninetyDays: NpaThreshold[] = [{ effectiveFrom: '1900-01-01', days: 90 }];

function timelineOf(snapshot: LedgerSnapshot, asOf: string, customerId: number, thresholds = ninetyDays): SmaTimeline {
  const index = buildLedgerIndex(snapshot, asOf);
  return buildSmaTimeline(index, index.customerIndexById.get(customerId) ?? -1, thresholds);
}

function moves(timeline: SmaTimeline): string[] {
  return smaTransitions(timeline).map((transition) => `${transition.date} ${transition.to}${transition.projected ? ' (projected)' : ''}`);
}

describe('smaClassForDaysPastDue', () => {
  it('uses the RBI ranges', () => {
    const table: [number, string][] = [[0, 'standard'], [1, 'SMA-0'], [30, 'SMA-0'], [31, 'SMA-1'], [60, 'SMA-1'], [61, 'SMA-2'], [90, 'SMA-2'], [91, 'NPA']];
    for (const [days, expected] of table) expect(smaClassForDaysPastDue(days, 90)).toBe(expected);
  });
});

describe('SMA timeline', () => {
  it('follows the RBI circular example for a 31 March due date', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2021-03-01', '2021-03-31', 10_000);
    const timeline = timelineOf(ledger.snapshot(), '2021-07-31', customer);

    expect(moves(timeline)).toEqual(['2021-03-31 SMA-0', '2021-04-30 SMA-1', '2021-05-30 SMA-2', '2021-06-29 NPA']);
    expect(smaClassOn(timeline, '2021-03-30')).toBe('standard');
    expect(smaClassOn(timeline, '2021-04-29')).toBe('SMA-0');
    expect(smaClassOn(timeline, '2021-06-28')).toBe('SMA-2');
    expect(daysPastDueOn(timeline, '2021-06-29')).toBe(91);
  });

  it('follows the example for a 1 December due date', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2021-11-01', '2021-12-01', 10_000);
    const timeline = timelineOf(ledger.snapshot(), '2022-04-30', customer);
    expect(moves(timeline)).toEqual(['2021-12-01 SMA-0', '2021-12-31 SMA-1', '2022-01-30 SMA-2', '2022-03-01 NPA']);
  });

  it('stays standard when paid on the due date', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
    ledger.pay(invoice, '2024-01-31');
    const timeline = timelineOf(ledger.snapshot(), '2024-06-30', customer);
    expect(moves(timeline)).toEqual([]);
    expect(smaClassOn(timeline, '2024-01-31')).toBe('standard');
  });

  it('lets the oldest overdue account decide', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const oldest = ledger.invoice(customer, '2023-12-01', '2024-01-01', 10_000);
    ledger.invoice(customer, '2024-02-01', '2024-03-01', 10_000);
    ledger.pay(oldest, '2024-03-10');
    const timeline = timelineOf(ledger.snapshot(), '2024-03-15', customer);

    expect(smaClassOn(timeline, '2024-03-09')).toBe('SMA-2');
    expect(daysPastDueOn(timeline, '2024-03-09')).toBe(69);
    expect(smaClassOn(timeline, '2024-03-10')).toBe('SMA-0');
    expect(daysPastDueOn(timeline, '2024-03-15')).toBe(15);
  });

  it('keeps a partly paid due overdue', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2023-12-01', '2024-01-01', 10_000);
    ledger.pay(invoice, '2024-01-15', 9_000);
    const timeline = timelineOf(ledger.snapshot(), '2024-02-15', customer);
    expect(smaClassOn(timeline, '2024-02-15')).toBe('SMA-1');
    expect(daysPastDueOn(timeline, '2024-02-15')).toBe(46);
  });

  it('keeps an NPA until all arrears are paid', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const first = ledger.invoice(customer, '2023-12-01', '2024-01-01', 10_000);
    const second = ledger.invoice(customer, '2024-03-15', '2024-04-15', 10_000);
    ledger.pay(first, '2024-05-01');
    ledger.pay(second, '2024-05-20');
    const timeline = timelineOf(ledger.snapshot(), '2024-06-30', customer);

    expect(smaClassOn(timeline, '2024-03-30')).toBe('SMA-2');
    expect(smaClassOn(timeline, '2024-03-31')).toBe('NPA');
    expect(daysPastDueOn(timeline, '2024-05-10')).toBe(26);
    expect(smaClassOn(timeline, '2024-05-10')).toBe('NPA');
    expect(smaClassOn(timeline, '2024-05-20')).toBe('standard');
  });

  it('applies a dated NPA threshold from its effective date', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2023-09-01', '2023-10-01', 10_000);
    const thresholds = [{ effectiveFrom: '1900-01-01', days: 180 }, { effectiveFrom: '2024-03-01', days: 90 }];
    const timeline = timelineOf(ledger.snapshot(), '2024-04-30', customer, thresholds);

    expect(smaClassOn(timeline, '2023-12-30')).toBe('SMA-2');
    expect(smaClassOn(timeline, '2024-02-29')).toBe('SMA-2');
    expect(smaClassOn(timeline, '2024-03-01')).toBe('NPA');
  });

  it('projects the moves after the as-of date if nothing is paid', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2024-05-21', '2024-06-20', 10_000);
    const timeline = timelineOf(ledger.snapshot(), '2024-06-30', customer);

    expect(smaClassOn(timeline, '2024-06-30')).toBe('SMA-0');
    expect(moves(timeline)).toEqual([
      '2024-06-20 SMA-0',
      '2024-07-20 SMA-1 (projected)',
      '2024-08-19 SMA-2 (projected)',
      '2024-09-18 NPA (projected)',
    ]);
  });

  it('projects the first overdue day of an invoice not yet due', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2024-06-10', '2024-07-10', 10_000);
    const timeline = timelineOf(ledger.snapshot(), '2024-06-30', customer);
    expect(smaClassOn(timeline, '2024-06-30')).toBe('standard');
    expect(moves(timeline)[0]).toBe('2024-07-10 SMA-0 (projected)');
  });
});
