import { describe, expect, it } from 'vitest';
import type { WatchListEntry } from '../../../core/scoring/index';
import type { Band } from '../../../core/scoring/index';
import type { DayScore } from '../../../core/warning/index';
import { LedgerBuilder } from '../scoring/support/ledger-builder';
import { evaluateEveryDay, invoiceNumbers, ofRule, only, values } from './support';

describe('promises, disputes and reversals', () => {
  it('fires the day after a broken promise', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2024-01-01', '2024-01-31', 100_000);
    ledger.promise(customer, null, '2024-03-01', '2024-03-10', 50_000);
    ledger.payment(customer, '2024-03-08', 20_000);
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-20', { settings: only(['promise-broken']) });
    expect(episodes.map((episode) => episode.alertDate)).toEqual(['2024-03-11']);
    expect(values(episodes[0])).toMatchObject({ promisedMinor: 50_000, receivedMinor: 20_000 });
    expect(episodes[0]!.severity).toBe('high');
  });

  it('stays silent for a kept promise', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2024-01-01', '2024-01-31', 100_000);
    ledger.promise(customer, null, '2024-03-01', '2024-03-10', 50_000);
    ledger.payment(customer, '2024-03-10', 50_000);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-20', { settings: only(['promise-broken']) })).toEqual([]);
  });

  it('fires on the day a dispute opens, not for one before the horizon', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const old = ledger.invoice(customer, '2023-10-01', '2023-10-31', 100_000);
    const recent = ledger.invoice(customer, '2024-02-01', '2024-03-02', 100_000);
    ledger.dispute(old, '2023-11-15');
    const dispute = ledger.dispute(recent, '2024-03-05');
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-10', { settings: only(['dispute-opened']) });
    expect(episodes.map((episode) => [episode.alertDate, episode.subject])).toEqual([['2024-03-05', `dispute:${dispute}`]]);
    expect(invoiceNumbers(episodes[0])).toEqual([`INV-${recent}`]);
  });

  it('fires on the reversal day', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2024-02-01', '2024-03-02', 100_000);
    const payment = ledger.pay(invoice, '2024-03-01', 100_000, '2024-03-04');
    ledger.pay(ledger.invoice(customer, '2024-02-01', '2024-03-02', 5_000), '2024-03-01');
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-10', { settings: only(['payment-reversed']) });
    expect(episodes.map((episode) => [episode.alertDate, episode.subject])).toEqual([['2024-03-04', `payment:${payment}`]]);
    expect(invoiceNumbers(episodes[0])).toEqual([`INV-${invoice}`]);
  });
});

describe('SMA class worsening', () => {
  function unpaid(paidOn: string | null) {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2024-02-01', '2024-03-01', 100_000);
    if (paidOn !== null) ledger.pay(invoice, paidOn);
    return ledger.snapshot();
  }

  it('fires on the exact days of SMA-1 and SMA-2', () => {
    // Due 2024-03-01 and unpaid: 1 day past due at the end of 03-01, 31 on 03-31, 61 on 04-30.
    const episodes = evaluateEveryDay(unpaid(null), '2024-03-01', '2024-05-10', { settings: only(['sma-worsening']) });
    expect(episodes.map((episode) => [episode.alertDate, values(episode).to, episode.severity])).toEqual([
      ['2024-03-31', 'SMA-1', 'warning'],
      ['2024-04-30', 'SMA-2', 'high'],
    ]);
    expect(values(episodes[0]).daysPastDue).toBe(31);
  });

  it('stays silent when paid at 30 days past due', () => {
    expect(evaluateEveryDay(unpaid('2024-03-30'), '2024-03-01', '2024-05-10', { settings: only(['sma-worsening']) })).toEqual([]);
  });

  it('alerts for SMA-0 when the minimum class is lowered', () => {
    const episodes = evaluateEveryDay(unpaid('2024-03-30'), '2024-03-01', '2024-05-10', { settings: only(['sma-worsening'], { 'sma-worsening': { minClass: 'SMA-0' } }) });
    expect(episodes.map((episode) => [episode.alertDate, values(episode).to])).toEqual([['2024-03-01', 'SMA-0']]);
  });
});

describe('score band drop', () => {
  const bands: Record<string, Band> = { '2024-03-01': 'B', '2024-03-02': 'B', '2024-03-03': 'D', '2024-03-04': 'C', '2024-03-05': 'B', '2024-03-06': 'C' };
  function scores(customerId: number, table: Record<string, Band>) {
    return (day: string) => (table[day] === undefined ? null : new Map<number, DayScore>([[customerId, { score: 40, band: table[day]! }]]));
  }

  it('opens on the drop, stays open while below, ends on recovery', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-06', { settings: only(['band-drop']), scores: scores(customer, bands) });
    expect(episodes.map((episode) => [episode.alertDate, episode.endedOn, episode.severity])).toEqual([
      ['2024-03-03', '2024-03-05', 'warning'],
      ['2024-03-06', null, 'warning'],
    ]);
    expect(values(episodes[0])).toMatchObject({ from: 'B', to: 'C' });
  });

  it('stays silent while the band holds or improves', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const steady = { '2024-03-01': 'C', '2024-03-02': 'C', '2024-03-03': 'B' } as Record<string, Band>;
    expect(evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-03', { settings: only(['band-drop']), scores: scores(customer, steady) })).toEqual([]);
  });
});

describe('credit limit and exposure', () => {
  it('opens when exposure passes the limit and ends when it falls back', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer({ creditLimitMinor: 100_000, creditLimitCurrency: 'INR' });
    const invoice = ledger.invoice(customer, '2024-03-05', '2024-04-04', 120_000);
    ledger.pay(invoice, '2024-03-10', 30_000);
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-15', { settings: only(['credit-limit']) });
    expect(episodes.map((episode) => [episode.alertDate, episode.endedOn])).toEqual([['2024-03-05', '2024-03-10']]);
    expect(values(episodes[0])).toMatchObject({ exposureMinor: 120_000, limitMinor: 100_000, utilisationPercent: 120 });
  });

  it('stays silent at exactly the limit', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer({ creditLimitMinor: 100_000, creditLimitCurrency: 'INR' });
    ledger.invoice(customer, '2024-03-05', '2024-04-04', 100_000);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-15', { settings: only(['credit-limit']) })).toEqual([]);
  });

  function growth(extra: number) {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    ledger.invoice(customer, '2024-01-10', '2024-05-10', 100_000);
    ledger.invoice(customer, '2024-03-01', '2024-05-01', extra);
    return ledger.snapshot();
  }

  it('fires when the balance grows by half within 30 days', () => {
    const episodes = evaluateEveryDay(growth(60_000), '2024-03-01', '2024-03-01', { settings: only(['exposure-growth']) });
    expect(episodes.map((episode) => episode.alertDate)).toEqual(['2024-03-01']);
    expect(values(episodes[0])).toMatchObject({ outstandingMinor: 160_000, earlierOutstandingMinor: 100_000, windowDays: 30 });
  });

  it('stays silent for growth under half', () => {
    expect(evaluateEveryDay(growth(40_000), '2024-03-01', '2024-03-02', { settings: only(['exposure-growth']) })).toEqual([]);
  });
});

describe('bureau reports', () => {
  const report = (id: number, customerId: number, reportDate: string, value: number, scale: 'score-300-900' | 'rank-1-10' = 'score-300-900') => ({ id, customerId, bureau: 'CIBIL', reportDate, scale, value });

  it('fires for 30 points or two ranks', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const bureau = [report(1, customer, '2024-01-10', 760), report(2, customer, '2024-03-10', 730), report(3, customer, '2024-01-10', 3, 'rank-1-10'), report(4, customer, '2024-03-12', 5, 'rank-1-10')];
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-20', { settings: only(['bureau-drop']), bureau });
    expect(episodes.map((episode) => [episode.alertDate, episode.subject])).toEqual([['2024-03-10', 'report:2'], ['2024-03-12', 'report:4']]);
    expect(values(episodes[0])).toMatchObject({ previous: 760, current: 730 });
  });

  it('stays silent for a 29-point drop and a one-rank move', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const bureau = [report(1, customer, '2024-01-10', 760), report(2, customer, '2024-03-10', 731), report(3, customer, '2024-01-10', 3, 'rank-1-10'), report(4, customer, '2024-03-12', 4, 'rank-1-10')];
    expect(evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-20', { settings: only(['bureau-drop']), bureau })).toEqual([]);
  });

  it('flags a report older than 180 days from day 181', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const settings = only(['bureau-stale'], { 'bureau-stale': { maxAgeDays: 180 } });
    const bureau = [report(1, customer, '2024-01-01', 760)];
    expect(evaluateEveryDay(ledger.snapshot(), '2024-06-20', '2024-06-29', { settings, bureau })).toEqual([]);
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-06-20', '2024-07-05', { settings, bureau });
    expect(episodes.map((episode) => [episode.alertDate, values(episode).latestReportDate])).toEqual([['2024-06-30', '2024-01-01']]);
  });
});

describe('identity and watch-list indicators', () => {
  const listed: WatchListEntry = { id: 'W1', name: 'Another Name Pvt Ltd', pan: 'AAPFU0939F', gstin: null, cin: null, status: 'liquidation', source: 'IBBI list', listedOn: '2024-03-10' };

  it('fires when a PAN appears on the watch list, dated the listing day', () => {
    const ledger = new LedgerBuilder();
    ledger.customer({ gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F' });
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-20', { settings: only(['identity-watch-list']), watchList: [listed] });
    expect(episodes.map((episode) => [episode.alertDate, episode.subject, episode.severity, episode.endedOn])).toEqual([['2024-03-10', 'watch-list-match:W1', 'high', null]]);
  });

  it('fires once for a GSTIN that carries another PAN', () => {
    const ledger = new LedgerBuilder();
    ledger.customer({ gstin: '27AAPFU0939F1ZV', pan: 'AAPCK1234E' });
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-20', { settings: only(['identity-watch-list']) });
    expect(episodes.map((episode) => [episode.alertDate, episode.subject])).toEqual([['2024-03-01', 'pan-gstin-mismatch']]);
  });

  it('stays silent for valid, matching identifiers', () => {
    const ledger = new LedgerBuilder();
    ledger.customer({ gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F' });
    ledger.customer();
    expect(evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-03-20', { settings: only(['identity-watch-list']), watchList: [{ ...listed, pan: 'AAACB1234C' }] })).toEqual([]);
  });
});

describe('rules together', () => {
  it('keep episodes of different rules apart', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer({ creditLimitMinor: 50_000, creditLimitCurrency: 'INR' });
    const invoice = ledger.invoice(customer, '2024-02-01', '2024-03-01', 100_000);
    ledger.dispute(invoice, '2024-03-03');
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-03-01', '2024-04-05');
    expect(ofRule(episodes, 'credit-limit').map((episode) => episode.alertDate)).toEqual(['2024-03-01']);
    expect(ofRule(episodes, 'dispute-opened').map((episode) => episode.alertDate)).toEqual(['2024-03-03']);
    expect(ofRule(episodes, 'sma-worsening').map((episode) => episode.alertDate)).toEqual(['2024-03-31']);
  });
});
