import { describe, expect, it } from 'vitest';
import { agingBucket, agingBucketLabels } from '../../../core/reminders/statement/aging';
import { buildStatement } from '../../../core/reminders/statement/statement';
import { allocation, creditNote, customer, invoice, payment } from './fixtures';

// One customer's year, in paise:
//   01/10/2025 INV-0001 ₹1,18,000.00, due 31/10/2025
//   05/11/2025 payment UTR10 ₹1,00,000.00, allocated to INV-0001
//   10/11/2025 INV-0002 ₹50,000.00, due 10/12/2025
//   20/11/2025 credit note CN-5 ₹5,000.00 against INV-0002
//   01/12/2025 payment UTR11 ₹18,000.00 for INV-0001, cheque returned on 04/12/2025
//   20/12/2025 payment UTR12 ₹20,000.00, not yet allocated
const buyer = customer(1, { gstin: '27AAPFS1234K1Z5' });
const statementRecords = {
  invoices: [
    invoice(1, 1, '2025-10-31', 11_800_000, { issueDate: '2025-10-01' }),
    invoice(2, 1, '2025-12-10', 5_000_000, { issueDate: '2025-11-10' }),
    invoice(3, 2, '2025-12-10', 9_900_000, { issueDate: '2025-11-10' }),
  ],
  payments: [
    payment(10, 1, '2025-11-05', 10_000_000),
    payment(11, 1, '2025-12-01', 1_800_000, { reversedOn: '2025-12-04' }),
    payment(12, 1, '2025-12-20', 2_000_000),
  ],
  allocations: [allocation(10, 1, 10_000_000), allocation(11, 1, 1_800_000)],
  creditNotes: [creditNote(5, 1, 2, '2025-11-20', 500_000)],
};

function build(asOf = '2026-01-05', opening?: { from: string; amountMinor: number }) {
  const { invoices, payments, allocations, creditNotes } = statementRecords;
  return buildStatement(buyer, invoices, payments, allocations, creditNotes, asOf, opening);
}

describe('statement of account', () => {
  it('lists entries by date with a running balance', () => {
    const statement = build();
    const rows = statement.lines.map((line) => [line.date, line.voucherType, line.voucherNumber, line.debitMinor, line.creditMinor, line.balanceMinor, line.balanceSide]);
    expect(rows).toEqual([
      ['2025-10-01', 'invoice', 'INV-0001', 11_800_000, 0, 11_800_000, 'Dr'],
      ['2025-11-05', 'payment', 'UTR10', 0, 10_000_000, 1_800_000, 'Dr'],
      ['2025-11-10', 'invoice', 'INV-0002', 5_000_000, 0, 6_800_000, 'Dr'],
      ['2025-11-20', 'credit-note', 'CN-5', 0, 500_000, 6_300_000, 'Dr'],
      ['2025-12-01', 'payment', 'UTR11', 0, 1_800_000, 4_500_000, 'Dr'],
      ['2025-12-04', 'payment-reversal', 'UTR11', 1_800_000, 0, 6_300_000, 'Dr'],
      ['2025-12-20', 'payment', 'UTR12', 0, 2_000_000, 4_300_000, 'Dr'],
    ]);
    expect(statement.lines[3]?.particulars).toBe('Credit note against invoice INV-0002');
  });

  it('totals debits and credits and closes on the last balance', () => {
    const statement = build();
    // Debits 1,18,000 + 50,000 + 18,000 = 1,86,000; credits 1,00,000 + 5,000 + 18,000 + 20,000 = 1,43,000.
    expect(statement.totalDebitMinor).toBe(18_600_000);
    expect(statement.totalCreditMinor).toBe(14_300_000);
    expect(statement.closingBalanceMinor).toBe(4_300_000);
    expect(statement.closingSide).toBe('Dr');
    expect(statement.periodFrom).toBe('2025-10-01');
    expect(statement.periodTo).toBe('2026-01-05');
    expect(statement.currency).toBe('INR');
  });

  it('ages the open invoices', () => {
    const statement = build();
    // INV-0001: 1,18,000 - 1,00,000 = 18,000 (the returned cheque settles nothing), 66 days
    // past 31/10/2025. INV-0002: 50,000 - 5,000 = 45,000, 26 days past 10/12/2025.
    expect(statement.openInvoices.map((open) => [open.invoiceNumber, open.balanceMinor, open.daysOverdue, open.bucket])).toEqual([
      ['INV-0001', 1_800_000, 66, '61-90'],
      ['INV-0002', 4_500_000, 26, '1-30'],
    ]);
    expect(statement.openInvoicesTotalMinor).toBe(6_300_000);
    expect(statement.agingBuckets).toEqual([
      { label: 'Not due', balanceMinor: 0 },
      { label: '1-30', balanceMinor: 4_500_000 },
      { label: '31-60', balanceMinor: 0 },
      { label: '61-90', balanceMinor: 1_800_000 },
      { label: '91-180', balanceMinor: 0 },
      { label: 'Over 180', balanceMinor: 0 },
    ]);
    // UTR12 (₹20,000.00) is not matched to an invoice yet.
    expect(statement.unallocatedMinor).toBe(2_000_000);
  });

  it('starts from an opening balance', () => {
    const statement = build('2026-01-05', { from: '2025-12-01', amountMinor: 6_300_000 });
    expect(statement.lines.map((line) => [line.voucherType, line.balanceMinor])).toEqual([
      ['opening', 6_300_000],
      ['payment', 4_500_000],
      ['payment-reversal', 6_300_000],
      ['payment', 4_300_000],
    ]);
    expect(statement.lines[0]?.debitMinor).toBe(6_300_000);
    expect(statement.periodFrom).toBe('2025-12-01');
    expect(statement.closingBalanceMinor).toBe(4_300_000);
    expect(statement.totalDebitMinor).toBe(1_800_000);
  });

  it('marks a balance owed to the customer as Cr', () => {
    const statement = buildStatement(buyer, [invoice(1, 1, '2025-12-01', 1_000_000)], [payment(10, 1, '2025-12-02', 1_500_000)], [allocation(10, 1, 1_000_000)], [], '2026-01-05');
    expect(statement.closingBalanceMinor).toBe(-500_000);
    expect(statement.closingSide).toBe('Cr');
    expect(statement.lines[1]?.balanceSide).toBe('Cr');
    expect(statement.openInvoices).toHaveLength(0);
  });

  it('leaves out records after the as-of date and in other currencies', () => {
    const usd = invoice(4, 1, '2025-12-31', 50_000, { currency: 'USD', issueDate: '2025-12-01' });
    const later = invoice(5, 1, '2026-02-28', 100_000, { issueDate: '2026-01-28' });
    const statement = buildStatement(buyer, [...statementRecords.invoices, usd, later], [], [], [], '2026-01-05');
    expect(statement.lines.map((line) => line.voucherNumber)).toEqual(['INV-0001', 'INV-0002']);
    expect(statement.omitted).toEqual([{ kind: 'invoice', id: 4, currency: 'USD' }]);
  });
});

describe('aging buckets', () => {
  it('places days at the bucket edges', () => {
    expect(agingBucket(0)).toBe('Not due');
    expect(agingBucket(1)).toBe('1-30');
    expect(agingBucket(30)).toBe('1-30');
    expect(agingBucket(31)).toBe('31-60');
    expect(agingBucket(180)).toBe('91-180');
    expect(agingBucket(181)).toBe('Over 180');
    expect(agingBucketLabels([15, 45])).toEqual(['Not due', '1-15', '16-45', 'Over 45']);
  });
});
