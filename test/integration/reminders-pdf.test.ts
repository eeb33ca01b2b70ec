import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/ledger/dates';
import type { Allocation, Customer, Invoice, Payment } from '../../core/ledger/types';
import { parseReminderSettings } from '../../core/reminders/settings';
import { buildStatement } from '../../core/reminders/statement/statement';
import { renderStatementPdf } from '../../main/reminders/statement-pdf';

const business = parseReminderSettings({
  business: {
    name: 'Mehta Steel Works Pvt. Ltd.',
    address: 'Plot 14, MIDC Bhosari, Pune 411026',
    gstin: '27AABCM1234F1Z9',
    upiId: 'mehtasteel@okhdfcbank',
  },
}).business;

const buyer: Customer = {
  id: 1, externalRef: null, name: 'Kapoor Electricals', gstin: '27AAPFK0939F1ZV', pan: null, cin: null,
  address: '22 Laxmi Road, Pune 411030', segment: null, creditLimitMinor: null, creditLimitCurrency: null,
  paymentTermsDays: 30, contacts: [],
};

const inr = (id: number, invoiceNumber: string, issueDate: string, dueDate: string, amountMinor: number): Invoice => ({ id, customerId: 1, invoiceNumber, issueDate, dueDate, amountMinor, currency: 'INR', description: null });
const received = (id: number, paymentDate: string, amountMinor: number, reversedOn: string | null = null): Payment => ({ id, customerId: 1, paymentDate, amountMinor, currency: 'INR', reference: `UTR${id}`, reversedOn });

// The same year as the unit test, which closes at ₹43,000.00 Dr. The open invoices are
// INV-0001 with ₹18,000.00 (66 days, 61-90) and INV-0002 with ₹45,000.00 (26 days, 1-30),
// ₹63,000.00 in all.
function smallStatement() {
  const invoices = [inr(1, 'INV-0001', '2025-10-01', '2025-10-31', 11_800_000), inr(2, 'INV-0002', '2025-11-10', '2025-12-10', 5_000_000)];
  const payments = [received(10, '2025-11-05', 10_000_000), received(11, '2025-12-01', 1_800_000, '2025-12-04'), received(12, '2025-12-20', 2_000_000)];
  const allocations: Allocation[] = [{ paymentId: 10, invoiceId: 1, amountMinor: 10_000_000 }, { paymentId: 11, invoiceId: 1, amountMinor: 1_800_000 }];
  const creditNotes = [{ id: 5, customerId: 1, invoiceId: 2, noteNumber: 'CN-5', issueDate: '2025-11-20', amountMinor: 500_000, currency: 'INR' }];
  return buildStatement(buyer, invoices, payments, allocations, creditNotes, '2026-01-05');
}

// 39 weekly invoices and 29 payments: about 70 ledger lines, enough for a second page.
function longStatement() {
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  const allocations: Allocation[] = [];
  for (let index = 1; index <= 39; index++) {
    const issueDate = addDays('2025-04-01', index * 7);
    invoices.push(inr(index, `MSW/25-26/${String(index).padStart(4, '0')}`, issueDate, addDays(issueDate, 30), 1_000_000 * index));
    if (index < 30) {
      payments.push(received(100 + index, addDays(issueDate, 35), 1_000_000 * index));
      allocations.push({ paymentId: 100 + index, invoiceId: index, amountMinor: 1_000_000 * index });
    }
  }
  return buildStatement(buyer, invoices, payments, allocations, [], '2026-01-05');
}

/** Collects the text runs of an uncompressed pdfkit PDF: each `[<hex> kerning <hex> …] TJ` is one run. */
function textRuns(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const runs: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-f]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    const hexParts = [...(match[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((part) => Buffer.from(part[1] ?? '', 'hex').toString('latin1'));
    runs.push(hexParts.join(''));
  }
  return runs;
}

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const workFolder = mkdtempSync(join(tmpdir(), 'duewatch-statement-'));
afterAll(() => rmSync(workFolder, { recursive: true, force: true }));

function pdftotext(pdf: Buffer, page?: number): string {
  const file = join(workFolder, `statement-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const pageArguments = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const result = spawnSync('pdftotext', ['-layout', ...pageArguments, file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

describe('statement PDF', () => {
  it('writes a PDF file', async () => {
    const pdf = await renderStatementPdf(smallStatement(), { business });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('contains the amounts, dates and balances in its content stream', async () => {
    const runs = textRuns(await renderStatementPdf(smallStatement(), { business, compress: false }));
    for (const text of [
      'Mehta Steel Works Pvt. Ltd.', 'Statement of Account', 'GSTIN: 27AAPFK0939F1ZV', 'Period: 01/10/2025 to 05/01/2026',
      'Amounts in INR', 'Closing balance: 43,000.00 Dr', '01/10/2025', '1,18,000.00', '04/12/2025',
      '43,000.00 Dr', '1,86,000.00', '1,43,000.00', '18,000.00', '45,000.00', '63,000.00', '66', '61-90', 'Page 1 of 1',
    ]) {
      expect(runs, text).toContain(text);
    }
  });

  it('reads back with pdftotext', async ({ skip }) => {
    if (!hasPdftotext) skip('pdftotext (poppler-utils) is not installed');
    const text = pdftotext(await renderStatementPdf(smallStatement(), { business }));
    expect(text).toContain('Statement of Account');
    expect(text).toMatch(/20\/12\/2025\s+Payment received\s+UTR12\s+20,000.00\s+43,000.00 Dr/);
    expect(text).toMatch(/INV-0001\s+01\/10\/2025\s+31\/10\/2025\s+1,18,000.00\s+18,000.00\s+66\s+61-90/);
    expect(text).toMatch(/Total\s+1,86,000.00\s+1,43,000.00/);
  });

  it('repeats the table header and numbers every page', async ({ skip }) => {
    if (!hasPdftotext) skip('pdftotext (poppler-utils) is not installed');
    const statement = longStatement();
    const pdf = await renderStatementPdf(statement, { business });
    const pages = pdftotext(pdf).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    expect(pdftotext(pdf, 2)).toMatch(/Date\s+Particulars\s+Voucher No\.\s+Debit\s+Credit\s+Balance/);
    // Invoices 30-39 stay open: 10,000 × (30 + … + 39) = ₹34,50,000.00 Dr.
    expect(statement.closingBalanceMinor).toBe(345_000_000);
    expect(pdftotext(pdf)).toContain('Closing balance: 34,50,000.00 Dr');
  });

  it('prints characters outside WinAnsi as question marks', async () => {
    const hindiName = buildStatement({ ...buyer, name: 'कपूर Electricals' }, [], [], [], [], '2026-01-05');
    const runs = textRuns(await renderStatementPdf(hindiName, { business, compress: false }));
    expect(runs).toContain('???? Electricals');
  });
});
