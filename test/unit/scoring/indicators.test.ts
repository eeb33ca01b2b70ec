import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../core/ledger/types';
import { buildIdentifierIndex, contactChangeIndicators, ledgerMedianInvoice, newCustomerIndicators, sharedIdentifierIndicators } from '../../../core/scoring/indicators/fraud';
import { identityIndicators } from '../../../core/scoring/indicators/identity';
import { delinquencyIndicators, WatchListMatcher, type WatchListEntry } from '../../../core/scoring/indicators/insolvency';
import { buildLedgerIndex } from '../../../core/scoring/index/ledger-index';
import { defaultScoringSettings } from '../../../core/scoring/settings';
import { buildSmaTimeline } from '../../../core/scoring/sma';
import { LedgerBuilder } from './support/ledger-builder';

function customer(overrides: Partial<Customer>): Customer {
  return {
    id: 1, externalRef: null, name: 'Sample Traders', gstin: null, pan: null, cin: null, address: null, segment: null,
    creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: 30, contacts: [], ...overrides,
  };
}

const codes = (indicators: { code: string }[]) => indicators.map((indicator) => indicator.code);

describe('identityIndicators', () => {
  it('confirms a valid GSTIN with its state and the PAN holder type', () => {
    const indicators = identityIndicators(customer({ gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F' }));
    expect(codes(indicators)).toEqual(['gstin-valid', 'pan-valid']);
    expect(indicators[0]?.values.stateName).toBe('Maharashtra');
    expect(indicators[1]?.values.holderTypeName).toBe('Firm or LLP');
  });

  it('flags a wrong check character', () => {
    const indicators = identityIndicators(customer({ gstin: '27AAPFU0939F1ZA' }));
    expect(codes(indicators)).toEqual(['gstin-invalid']);
    expect(indicators[0]?.message).toMatch(/check character A/);
  });

  it('flags a PAN that the GSTIN does not carry', () => {
    const indicators = identityIndicators(customer({ gstin: '27AAPFU0939F1ZV', pan: 'AAACR5055K' }));
    const mismatch = indicators.find((indicator) => indicator.code === 'pan-gstin-mismatch');
    expect(mismatch?.severity).toBe('high');
    expect(mismatch?.values).toEqual({ gstin: '27AAPFU0939F1ZV', pan: 'AAACR5055K', panInGstin: 'AAPFU0939F' });
  });

  it('flags missing identifiers', () => {
    expect(codes(identityIndicators(customer({ gstin: ' ', pan: null })))).toEqual(['identifiers-missing']);
  });
});

describe('fraud indicators', () => {
  it('finds identifiers shared between customers', () => {
    const first = customer({ id: 1, gstin: '27AAPFU0939F1ZV', contacts: [{ kind: 'phone', value: '+919999900002', name: null }] });
    const second = customer({ id: 2, gstin: '27aapfu0939f1zv', contacts: [{ kind: 'email', value: 'Accounts@Example.com', name: null }] });
    const third = customer({ id: 3, pan: 'AAPFU0939F', contacts: [{ kind: 'phone', value: '099999 00002', name: null }, { kind: 'email', value: 'accounts@example.com', name: null }] });
    const index = buildIdentifierIndex([first, second, third]);

    const forFirst = sharedIdentifierIndicators(first, index);
    expect(codes(forFirst)).toEqual(['shared-gstin', 'shared-pan', 'shared-phone']);
    expect(forFirst[0]?.severity).toBe('high');
    expect(forFirst[0]?.records).toEqual([{ kind: 'customer', id: 1 }, { kind: 'customer', id: 2 }]);
    expect(forFirst[1]?.values.otherCustomers).toBe(2);
    expect(codes(sharedIdentifierIndicators(third, index))).toEqual(['shared-pan', 'shared-phone', 'shared-email']);
  });

  const ledger = new LedgerBuilder();
  const regular = ledger.customer();
  for (const [issue, amount] of [['2024-01-05', 10_000], ['2024-02-05', 12_000], ['2024-03-05', 11_000]] as const) {
    ledger.invoice(regular, issue, '2024-12-31', amount);
  }
  const large = ledger.invoice(regular, '2024-04-10', '2024-05-10', 40_000);
  ledger.invoice(regular, '2024-05-20', '2024-06-20', 90_000);
  const newcomer = ledger.customer();
  const bigFirst = ledger.invoice(newcomer, '2024-05-01', '2024-05-31', 60_000);
  ledger.invoice(newcomer, '2024-05-15', '2024-06-15', 5_000);
  const index = buildLedgerIndex(ledger.snapshot(), '2024-06-30');
  const fraud = defaultScoringSettings.fraud;

  it('flags a large order just after a contact change', () => {
    const median = ledgerMedianInvoice(index);
    const indicators = contactChangeIndicators(index, 0, [{ customerId: regular, changedOn: '2024-04-01', field: 'Bank account' }], median, fraud);
    expect(codes(indicators)).toEqual(['contact-change-before-large-order']);
    // The median of 10,000, 12,000 and 11,000 is 11,000; 40,000 is at least 3 times that, and the 90,000 order is outside the 30 days.
    expect(indicators[0]?.values.baselineMinor).toBe(11_000);
    expect(indicators[0]?.records).toEqual([{ kind: 'invoice', id: large }]);
  });

  it('ignores contact changes after the as-of date', () => {
    const indicators = contactChangeIndicators(index, 0, [{ customerId: regular, changedOn: '2024-07-01' }], 11_000, fraud);
    expect(indicators).toEqual([]);
  });

  it("flags a new customer's orders far above the ledger median", () => {
    // Ledger invoices: 5,000 10,000 11,000 12,000 40,000 60,000 90,000; the median is 12,000.
    expect(ledgerMedianInvoice(index)).toBe(12_000);
    const indicators = newCustomerIndicators(index, 1, 12_000, fraud);
    expect(codes(indicators)).toEqual(['new-customer-large-order']);
    expect(indicators[0]?.records).toEqual([{ kind: 'invoice', id: bigFirst }]);
    expect(newCustomerIndicators(index, 0, 12_000, fraud)).toEqual([]);
  });
});

describe('insolvency indicators', () => {
  const entries: WatchListEntry[] = [
    { id: 'ibbi-1', name: 'Rajlaxmi Traders Private Limited', pan: null, gstin: '29AAACR5055K1Z3', cin: null, status: 'insolvency-proceedings', source: 'IBBI list', listedOn: '2024-01-15' },
    { id: 'mca-7', name: 'Old Mills Ltd', pan: null, gstin: null, cin: 'U17110MH1990PLC012345', status: 'struck-off', source: 'MCA list', listedOn: null },
    { id: 'late', name: 'Future Co', pan: 'AAPFU0939F', gstin: null, cin: null, status: 'liquidation', source: 'IBBI list', listedOn: '2024-09-01' },
  ];
  const matcher = new WatchListMatcher(entries);

  it('matches by the PAN inside a GSTIN', () => {
    const matches = matcher.match(customer({ gstin: '27AAACR5055K1ZX' }), '2024-06-30');
    expect(matches.map((match) => [match.entry.id, match.matchedOn, match.value])).toEqual([['ibbi-1', 'pan', 'AAACR5055K']]);
  });

  it('matches by CIN and by normalised name', () => {
    expect(matcher.match(customer({ cin: 'u17110mh1990plc012345' }), '2024-06-30').map((match) => match.matchedOn)).toEqual(['cin']);
    expect(matcher.match(customer({ name: 'M/s Rajlaxmi Traders Pvt. Ltd.' }), '2024-06-30').map((match) => match.matchedOn)).toEqual(['name']);
  });

  it('skips entries listed after the as-of date', () => {
    expect(matcher.match(customer({ pan: 'AAPFU0939F' }), '2024-06-30')).toEqual([]);
    expect(matcher.match(customer({ pan: 'AAPFU0939F' }), '2024-09-01')).toHaveLength(1);
  });

  it('flags severe and rising delinquency', () => {
    const ledger = new LedgerBuilder();
    const id = ledger.customer();
    ledger.invoice(id, '2024-01-01', '2024-02-01', 10_000);
    const index = buildLedgerIndex(ledger.snapshot(), '2024-06-30');
    const timeline = buildSmaTimeline(index, 0, defaultScoringSettings.npaThresholds);
    const indicators = delinquencyIndicators(customer({ id }), timeline, defaultScoringSettings.insolvency);
    // Due 2024-02-01: 151 days past due on 2024-06-30 by the day-end count, 61 on 2024-04-01.
    expect(codes(indicators)).toEqual(['severe-rising-delinquency']);
    expect(indicators[0]?.values).toEqual({ daysPastDue: 151, smaClass: 'NPA', earlierDate: '2024-04-01', earlierDaysPastDue: 61 });
  });
});
