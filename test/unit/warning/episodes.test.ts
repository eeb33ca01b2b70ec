import { describe, expect, it } from 'vitest';
import { EpisodeBook, type Finding } from '../../../core/warning/index';
import { LedgerBuilder } from '../scoring/support/ledger-builder';
import { evaluateEveryDay, only } from './support';

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'credit-limit', customerId: 1, subject: 'limit', kind: 'state', date: '2024-03-01', severity: 'warning', message: 'over',
  evidence: { invoices: [], paymentIds: [], values: {} }, ...overrides,
});

describe('episode book', () => {
  it('updates an open state instead of repeating it', () => {
    const book = new EpisodeBook();
    expect(book.apply('2024-03-01', [finding({})]).map((change) => change.change)).toEqual(['opened']);
    expect(book.apply('2024-03-02', [finding({ date: '2024-03-02' })])).toEqual([]);
    expect(book.apply('2024-03-03', [finding({ date: '2024-03-03', severity: 'high' })]).map((change) => change.change)).toEqual(['updated']);
    expect(book.size).toBe(1);
    expect(book.all()[0]!.alertDate).toBe('2024-03-01');
  });

  it('ends a state, then opens anew', () => {
    const book = new EpisodeBook();
    book.apply('2024-03-01', [finding({})]);
    expect(book.apply('2024-03-02', []).map((change) => [change.change, change.episode.endedOn])).toEqual([['ended', '2024-03-02']]);
    expect(book.apply('2024-03-05', [finding({ date: '2024-03-05' })]).map((change) => [change.change, change.episode.alertDate])).toEqual([['opened', '2024-03-05']]);
    expect(book.size).toBe(2);
  });

  it('continues a state ended by an earlier evaluation of the same day', () => {
    const book = new EpisodeBook();
    book.apply('2024-03-01', [finding({})]);
    book.apply('2024-03-02', []);
    expect(book.apply('2024-03-02', [finding({ date: '2024-03-02' })]).map((change) => [change.change, change.episode.alertDate])).toEqual([['reopened', '2024-03-01']]);
  });

  it('ends an event that later records withdrew', () => {
    const book = new EpisodeBook();
    const event = finding({ rule: 'dispute-opened', kind: 'event', subject: 'dispute:9' });
    book.apply('2024-03-01', [event]);
    expect(book.apply('2024-03-02', [event], () => true)).toEqual([]);
    expect(book.apply('2024-03-03', [], () => true).map((change) => [change.change, change.episode.endedOn])).toEqual([['ended', '2024-03-03']]);
  });
});

describe('rules on one ledger', () => {
  it('dates SMA-0 and the late payment', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer({ creditLimitMinor: 150_000, creditLimitCurrency: 'INR' });
    const invoices = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'].map((due) => ledger.invoice(customer, `${due.slice(0, 8)}01`, due, 100_000));
    ['2024-01-30', '2024-02-29', '2024-03-28', '2024-05-09'].forEach((paid, position) => ledger.pay(invoices[position]!, paid));
    const full = ledger.snapshot();
    const settings = only(['first-late-payment', 'sma-worsening', 'credit-limit'], { 'sma-worsening': { minClass: 'SMA-0' } });
    const caughtUp = evaluateEveryDay(full, '2024-04-01', '2024-05-20', { settings });
    expect(caughtUp.map((episode) => [episode.rule, episode.alertDate])).toEqual([
      ['sma-worsening', '2024-04-30'],
      ['first-late-payment', '2024-05-09'],
    ]);
  });
});
