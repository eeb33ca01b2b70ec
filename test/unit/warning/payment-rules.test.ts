import { describe, expect, it } from 'vitest';
import { LedgerBuilder } from '../scoring/support/ledger-builder';
import { evaluateEveryDay, invoiceNumbers, only, values } from './support';

/** Builds one customer with invoices due at each month end of 2024 from January, paid on the given days. */
function monthlyPayer(paidOn: (string | null)[], amount = 100_000) {
  const ledger = new LedgerBuilder();
  const customer = ledger.customer();
  const dues = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31', '2024-08-31', '2024-09-30'];
  const invoices = paidOn.map((paid, position) => {
    const due = dues[position]!;
    const invoice = ledger.invoice(customer, due.slice(0, 8) + '01', due, amount);
    if (paid !== null) ledger.pay(invoice, paid);
    return invoice;
  });
  return { ledger, customer, invoices };
}

describe('first late payment', () => {
  const settings = only(['first-late-payment'], { 'first-late-payment': { onTimeRun: 3 } });

  it('fires on the day a good payer pays late', () => {
    const { ledger, invoices } = monthlyPayer(['2024-01-31', '2024-02-27', '2024-03-31', '2024-05-10']);
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-05-20', { settings });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]!.alertDate).toBe('2024-05-10');
    expect(episodes[0]!.subject).toBe(`invoice:${invoices[3]}`);
    expect(values(episodes[0]).daysLate).toBe(10);
    expect(invoiceNumbers(episodes[0])[0]).toBe(`INV-${invoices[3]}`);
  });

  it('stays silent for a payment on the due date', () => {
    const { ledger } = monthlyPayer(['2024-01-31', '2024-02-27', '2024-03-31', '2024-04-30']);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-05-20', { settings })).toEqual([]);
  });

  it('stays silent within the grace days', () => {
    const { ledger } = monthlyPayer(['2024-01-31', '2024-02-27', '2024-03-31', '2024-05-10']);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-05-20', { settings, graceDays: 10 })).toEqual([]);
  });

  it('stays silent when the run of on-time payments is too short', () => {
    const { ledger } = monthlyPayer(['2024-01-31', '2024-03-05', '2024-03-31', '2024-05-10']);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-05-20', { settings })).toEqual([]);
  });

  it('raises one alert for two late invoices paid together', () => {
    const { ledger } = monthlyPayer(['2024-01-31', '2024-02-27', '2024-03-31', '2024-06-05', '2024-06-05']);
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-06-10', { settings });
    expect(episodes.map((episode) => episode.alertDate)).toEqual(['2024-06-05']);
  });
});

describe('late trend (CUSUM)', () => {
  const settings = only(['late-trend']);
  const onTime = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30'];

  it('fires when days beyond terms rise against the baseline', () => {
    // Baseline 0 ± 0 days, floored to 2: 5 days late adds 5/2 - 0.5 = 2.0, then 6 days adds 2.5, so 4.5 > 4.
    const { ledger, invoices } = monthlyPayer([...onTime, '2024-08-05', '2024-09-06']);
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-07-01', '2024-09-30', { settings });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]!.alertDate).toBe('2024-09-06');
    expect(episodes[0]!.subject).toBe(`run:${invoices[6]}`);
    expect(values(episodes[0]).cusum).toBe(4.5);
    expect(values(episodes[0]).baselineMeanDays).toBe(0);
  });

  it('stays silent for one late payment followed by an on-time one', () => {
    const { ledger } = monthlyPayer([...onTime, '2024-08-05', '2024-08-31']);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-07-01', '2024-09-30', { settings })).toEqual([]);
  });

  it('stays silent without enough history for a baseline', () => {
    const { ledger } = monthlyPayer(['2024-01-31', '2024-02-29', '2024-03-31', '2024-05-05', '2024-06-06']);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-06-30', { settings })).toEqual([]);
  });
});

describe('partial payment', () => {
  const settings = only(['partial-payment']);

  it('fires for a part payment after three full payments', () => {
    const { ledger, customer, invoices } = monthlyPayer(['2024-01-31', '2024-02-29', '2024-03-31', null]);
    const payment = ledger.payment(customer, '2024-04-25', 40_000);
    ledger.allocate(payment, invoices[3]!, 40_000);
    const episodes = evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-05-10', { settings });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]!.alertDate).toBe('2024-04-25');
    expect(values(episodes[0])).toMatchObject({ paidMinor: 40_000, invoiceMinor: 100_000, fullPaymentRun: 3 });
    expect(episodes[0]!.message).toContain('40%');
  });

  it('stays silent for a customer who pays in instalments', () => {
    const { ledger, customer, invoices } = monthlyPayer(['2024-01-31', null, '2024-03-31', null]);
    const first = ledger.payment(customer, '2024-02-20', 50_000);
    ledger.allocate(first, invoices[1]!, 50_000);
    const second = ledger.payment(customer, '2024-02-29', 50_000);
    ledger.allocate(second, invoices[1]!, 50_000);
    const partial = ledger.payment(customer, '2024-04-25', 40_000);
    ledger.allocate(partial, invoices[3]!, 40_000);
    expect(evaluateEveryDay(ledger.snapshot(), '2024-04-01', '2024-05-10', { settings })).toEqual([]);
  });
});

describe('payments shrinking', () => {
  const settings = only(['payments-shrinking'], { 'payments-shrinking': { windowDays: 30, dropShare: 0.5, exposureGrowth: 0.2 } });

  /** Pays 100,000 in the window before 2024-05-01 and `recent` in the 30 days up to 2024-05-31; the balance grows from 100,000 to 200,000. */
  function shrinking(recent: number) {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const old = ledger.invoice(customer, '2024-03-01', '2024-03-31', 200_000);
    ledger.pay(old, '2024-04-15', 100_000);
    ledger.invoice(customer, '2024-05-10', '2024-06-09', 100_000 + recent);
    const payment = ledger.payment(customer, '2024-05-20', recent);
    ledger.allocate(payment, old, recent);
    return ledger.snapshot();
  }

  it('fires when payments halve while the balance grows', () => {
    const episodes = evaluateEveryDay(shrinking(30_000), '2024-05-31', '2024-05-31', { settings });
    expect(episodes).toHaveLength(1);
    expect(values(episodes[0])).toMatchObject({ receivedMinor: 30_000, previousReceivedMinor: 100_000, outstandingMinor: 200_000, earlierOutstandingMinor: 100_000 });
  });

  it('stays silent for a drop of less than half', () => {
    expect(evaluateEveryDay(shrinking(60_000), '2024-05-31', '2024-05-31', { settings })).toEqual([]);
  });
});
