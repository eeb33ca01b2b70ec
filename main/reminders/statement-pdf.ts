import PDFDocument from 'pdfkit';
import { formatDateIndian } from '../../core/ledger/dates';
import { formatMoney } from '../../core/ledger/money';
import type { BusinessDetails } from '../../core/reminders/settings';
import type { Statement, StatementLine } from '../../core/reminders/statement/statement';
import { PdfTable, toWinAnsi, type Column, type TableStyle } from './pdf-table';

/**
 * Renders a statement of account as an A4 PDF with pdfkit's built-in Helvetica. Those fonts
 * have no rupee sign (₹) or Devanagari, so amounts carry no symbol and the currency is named
 * once by its ISO code ("Amounts in INR"). Other characters outside WinAnsi print as "?".
 */

export interface StatementPdfOptions {
  readonly business: BusinessDetails;
  /** Creation date stored in the PDF's metadata; set it for byte-identical output in tests. */
  readonly createdAt?: Date;
  /** Deflate the page content streams (default true); false leaves the text readable in the file. */
  readonly compress?: boolean;
}

type Doc = PDFKit.PDFDocument;

const margin = 40;
const footerHeight = 24;
const font = 'Helvetica';
const boldFont = 'Helvetica-Bold';
const tableStyle: TableStyle = { font, boldFont, fontSize: 8.5, padding: 3 };

const ledgerColumns: readonly Column[] = [
  { header: 'Date', width: 56, align: 'left' },
  { header: 'Particulars', width: 152, align: 'left' },
  { header: 'Voucher No.', width: 78, align: 'left' },
  { header: 'Debit', width: 72, align: 'right' },
  { header: 'Credit', width: 72, align: 'right' },
  { header: 'Balance', width: 85, align: 'right' },
];

const openInvoiceColumns: readonly Column[] = [
  { header: 'Invoice No.', width: 88, align: 'left' },
  { header: 'Invoice date', width: 62, align: 'left' },
  { header: 'Due date', width: 62, align: 'left' },
  { header: 'Amount', width: 82, align: 'right' },
  { header: 'Balance', width: 82, align: 'right' },
  { header: 'Days overdue', width: 62, align: 'right' },
  { header: 'Aging', width: 77, align: 'left' },
];

/** Formats minor units with en-IN grouping and no symbol: 1,00,000.00; empty for zero when `blankZero`. */
function amount(minor: number, currency: string, blankZero = false): string {
  if (blankZero && minor === 0) return '';
  return formatMoney(minor, currency, { locale: 'en-IN', withCurrency: false });
}

function balance(minor: number, side: string, currency: string): string {
  return side === '' ? amount(0, currency) : `${amount(Math.abs(minor), currency)} ${side}`;
}

function pageBottom(doc: Doc): number {
  return doc.page.height - margin - footerHeight;
}

function drawHeader(doc: Doc, business: BusinessDetails): void {
  const width = doc.page.width - 2 * margin;
  doc.font(boldFont).fontSize(15).fillColor('#000000').text(toWinAnsi(business.name === '' ? 'Statement of Account' : business.name), margin, margin, { width });
  doc.font(font).fontSize(8.5);
  const details = [business.address, business.gstin === '' ? '' : `GSTIN: ${business.gstin}`, [business.phone, business.email].filter((part) => part !== '').join('  |  ')];
  for (const line of details.filter((text) => text !== '')) doc.text(toWinAnsi(line), { width });
  doc.moveDown(0.6);
  doc.font(boldFont).fontSize(13).text('Statement of Account', margin, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
}

function drawCustomerBlock(doc: Doc, statement: Statement): void {
  const top = doc.y;
  const half = (doc.page.width - 2 * margin) / 2;
  const customer = statement.customer;
  doc.font(font).fontSize(8.5).text('To:', margin, top);
  doc.font(boldFont).fontSize(10).text(toWinAnsi(customer.name), margin, doc.y, { width: half - 10 });
  doc.font(font).fontSize(8.5);
  if (customer.address !== null) doc.text(toWinAnsi(customer.address), { width: half - 10 });
  if (customer.gstin !== null) doc.text(`GSTIN: ${customer.gstin}`, { width: half - 10 });
  const leftBottom = doc.y;

  const right = margin + half;
  const rows = [
    `Period: ${formatDateIndian(statement.periodFrom)} to ${formatDateIndian(statement.periodTo)}`,
    `Amounts in ${statement.currency}`,
    `Closing balance: ${balance(statement.closingBalanceMinor, statement.closingSide, statement.currency)}`,
  ];
  doc.text(rows[0] ?? '', right, top, { width: half, align: 'right' });
  for (const row of rows.slice(1)) doc.text(row, right, doc.y, { width: half, align: 'right' });
  doc.y = Math.max(leftBottom, doc.y) + 12;
}

function ledgerCells(line: StatementLine, currency: string): string[] {
  return [
    formatDateIndian(line.date),
    line.particulars,
    line.voucherNumber,
    amount(line.debitMinor, currency, true),
    amount(line.creditMinor, currency, true),
    balance(line.balanceMinor, line.balanceSide, currency),
  ];
}

function drawLedger(doc: Doc, statement: Statement): void {
  const table = new PdfTable(doc, ledgerColumns, tableStyle, margin, pageBottom(doc));
  const currency = statement.currency;
  let y = table.drawHeader(doc.y);
  for (const line of statement.lines) y = table.drawRow(ledgerCells(line, currency), y);
  y = table.drawRow(['', 'Total', '', amount(statement.totalDebitMinor, currency), amount(statement.totalCreditMinor, currency), ''], y, { bold: true, ruleAbove: true });
  y = table.drawRow(['', 'Closing balance', '', '', '', balance(statement.closingBalanceMinor, statement.closingSide, currency)], y, { bold: true });
  doc.y = y + 16;
}

function drawSectionTitle(doc: Doc, title: string, minimumSpace: number): void {
  if (doc.y + minimumSpace > pageBottom(doc)) doc.addPage();
  doc.font(boldFont).fontSize(10.5).fillColor('#000000').text(title, margin, doc.y);
  doc.moveDown(0.3);
}

function drawOpenInvoices(doc: Doc, statement: Statement): void {
  drawSectionTitle(doc, 'Open invoices', 60);
  const currency = statement.currency;
  if (statement.openInvoices.length === 0) {
    doc.font(font).fontSize(8.5).text(`No open invoices on ${formatDateIndian(statement.periodTo)}.`, margin, doc.y);
    doc.moveDown(1);
    return;
  }
  const table = new PdfTable(doc, openInvoiceColumns, tableStyle, margin, pageBottom(doc));
  let y = table.drawHeader(doc.y);
  for (const open of statement.openInvoices) {
    const cells = [open.invoiceNumber, formatDateIndian(open.invoiceDate), formatDateIndian(open.dueDate), amount(open.amountMinor, currency), amount(open.balanceMinor, currency), String(open.daysOverdue), open.bucket];
    y = table.drawRow(cells, y);
  }
  y = table.drawRow(['Total', '', '', '', amount(statement.openInvoicesTotalMinor, currency), '', ''], y, { bold: true, ruleAbove: true });
  doc.y = y + 16;
}

function drawAgingSummary(doc: Doc, statement: Statement): void {
  drawSectionTitle(doc, 'Aging summary (days past due)', 50);
  const width = (doc.page.width - 2 * margin) / statement.agingBuckets.length;
  const columns: Column[] = statement.agingBuckets.map((bucket) => ({ header: bucket.label, width, align: 'right' }));
  const table = new PdfTable(doc, columns, tableStyle, margin, pageBottom(doc));
  const y = table.drawRow(statement.agingBuckets.map((bucket) => amount(bucket.balanceMinor, statement.currency)), table.drawHeader(doc.y));
  doc.y = y + 16;
}

function drawNotes(doc: Doc, statement: Statement, business: BusinessDetails): void {
  const notes = ['Dr: amount due from you. Cr: amount due to you, such as an advance or excess payment.'];
  if (statement.unallocatedMinor > 0) {
    notes.push(`Payments or credit notes of ${statement.currency} ${amount(statement.unallocatedMinor, statement.currency)} are not yet matched to invoices, so the open invoices exceed the closing balance.`);
  }
  const payment = [
    business.upiId === '' ? '' : `UPI ID: ${business.upiId}`,
    business.bankAccountNumber === '' ? '' : `Bank account: ${business.bankAccountName} ${business.bankAccountNumber}, ${business.bankName}, IFSC ${business.ifsc}`,
  ].filter((text) => text !== '');
  if (payment.length > 0) notes.push(`Payment details: ${payment.join('; ')}.`);
  notes.push('This is a computer-generated statement. Please tell us of any difference.');

  drawSectionTitle(doc, 'Notes', 40);
  doc.font(font).fontSize(8);
  for (const note of notes) doc.text(toWinAnsi(note), margin, doc.y, { width: doc.page.width - 2 * margin });
}

/** Writes "Page n of N" on every buffered page, inside the bottom margin. */
function drawPageNumbers(doc: Doc, statement: Statement): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // Text below the bottom margin would make pdfkit start a page, so the margin is lifted while writing.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin - 10;
    doc.font(font).fontSize(7.5).fillColor('#555555');
    doc.text(toWinAnsi(`${statement.customer.name} - statement to ${formatDateIndian(statement.periodTo)}`), margin, y, { width: 300, lineBreak: false });
    doc.text(`Page ${index + 1} of ${range.count}`, doc.page.width - margin - 100, y, { width: 100, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Renders a statement of account to PDF bytes. */
export function renderStatementPdf(statement: Statement, options: StatementPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: toWinAnsi(`Statement of Account - ${statement.customer.name}`),
      Author: toWinAnsi(options.business.name),
      ...(options.createdAt === undefined ? {} : { CreationDate: options.createdAt }),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawHeader(doc, options.business);
  drawCustomerBlock(doc, statement);
  drawLedger(doc, statement);
  drawOpenInvoices(doc, statement);
  drawAgingSummary(doc, statement);
  drawNotes(doc, statement, options.business);
  drawPageNumbers(doc, statement);
  doc.end();
  return finished;
}
