import { CsvTokenizer } from '../import/csv/tokenizer';
import { sniffDelimiter } from '../import/csv/sniff';
import { defaultImportLimits } from '../import/limits';
import { parseDateWithOrder } from '../import/values/dates';
import { isIsoDate, type IsoDate } from '../ledger/dates';
import { nameKey, normalizeEmail, normalizePhone } from '../quality/identifiers';
import type { Channel } from '../reminders/types';
import { consentActions, consentPurposes, legalBases, reminderChannels, type ConsentAction, type ConsentPurpose, type LegalBasis } from './consent';

/** A customer as the consent import matches it: by code first, then by name. */
export interface ConsentImportCustomer {
  readonly id: number;
  readonly externalRef: string | null;
  readonly name: string;
  readonly contacts: readonly { id: number; kind: 'email' | 'phone'; value: string }[];
}

/** One CSV row as it would be stored, with every problem that blocks the import. */
export interface ConsentImportRow {
  readonly row: number;
  readonly customerId: number | null;
  readonly customerName: string | null;
  readonly contactId: number | null;
  readonly channel: Channel | null;
  readonly purpose: ConsentPurpose | null;
  readonly legalBasis: LegalBasis | null;
  readonly action: ConsentAction | null;
  readonly noticeVersion: string | null;
  readonly effectiveOn: IsoDate | null;
  readonly method: string;
  readonly problems: string[];
}

type Column = 'customer' | 'contact' | 'channel' | 'purpose' | 'basis' | 'notice' | 'date' | 'action' | 'method';

/** Accepted header titles, compared without case, spaces or punctuation. */
const headerTitles: Record<Column, readonly string[]> = {
  customer: ['customer', 'customercode', 'code', 'customername', 'name', 'customerid'],
  contact: ['contact', 'email', 'phone', 'contactdetail', 'address'],
  channel: ['channel'],
  purpose: ['purpose'],
  basis: ['basis', 'legalbasis'],
  notice: ['notice', 'noticeversion', 'version'],
  date: ['date', 'effectivedate', 'on', 'givenon', 'dated'],
  action: ['action', 'status', 'givenorwithdrawn', 'givenwithdrawn'],
  method: ['method', 'how', 'channelmethod', 'source'],
};
const requiredColumns: readonly Column[] = ['customer', 'purpose', 'basis', 'date', 'action'];

function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Splits CSV text into records of trimmed cells, dropping blank lines; the first record is the header. */
function readCsvText(text: string): { cells: string[]; row: number }[] {
  const records: { cells: string[]; row: number }[] = [];
  const tokenizer = new CsvTokenizer(sniffDelimiter(text.slice(0, 4096)), defaultImportLimits);
  const onRecord = (fields: string[], row: number) => {
    if (fields.some((field) => field.trim() !== '')) records.push({ cells: fields.map((field) => field.trim()), row });
  };
  tokenizer.push(text.replace(/^\uFEFF/, ''), onRecord);
  tokenizer.end(onRecord);
  return records;
}

function locateColumns(header: readonly string[]): { columns: Partial<Record<Column, number>>; missing: Column[] } {
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((title, index) => {
    const key = headerKey(title);
    const column = (Object.keys(headerTitles) as Column[]).find((candidate) => headerTitles[candidate].includes(key));
    if (column !== undefined && columns[column] === undefined) columns[column] = index;
  });
  return { columns, missing: requiredColumns.filter((column) => columns[column] === undefined) };
}

/** Reads a date as ISO YYYY-MM-DD or as DD/MM/YYYY, the order Indian registers use. */
function readConsentDate(text: string): IsoDate | null {
  if (isIsoDate(text)) return text;
  return parseDateWithOrder(text, 'DMY');
}

function pickEnum<T extends string>(text: string, values: readonly T[], aliases: Record<string, T> = {}): T | null {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((values as readonly string[]).includes(key)) return key as T;
  return aliases[key] ?? null;
}

function findCustomer(text: string, customers: readonly ConsentImportCustomer[]): ConsentImportCustomer[] {
  const byCode = customers.filter((customer) => customer.externalRef !== null && customer.externalRef.toLowerCase() === text.toLowerCase());
  if (byCode.length > 0) return byCode;
  const key = nameKey(text);
  return customers.filter((customer) => nameKey(customer.name) === key);
}

function findContact(text: string, customer: ConsentImportCustomer): { id: number | null; problem: string | null } {
  const email = normalizeEmail(text);
  const phone = email.value === null ? normalizePhone(text) : null;
  const value = email.value ?? phone?.value ?? null;
  if (value === null) return { id: null, problem: `Contact "${text}" is neither an e-mail address nor a phone number.` };
  const contact = customer.contacts.find((candidate) => candidate.value === value);
  if (contact === undefined) return { id: null, problem: `Contact "${text}" is not one of ${customer.name}'s contacts: add it to the customer first, or leave the cell empty for a customer-wide record.` };
  return { id: contact.id, problem: null };
}

function planRow(cells: readonly string[], row: number, columns: Partial<Record<Column, number>>, customers: readonly ConsentImportCustomer[]): ConsentImportRow {
  const cell = (column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]] ?? ''));
  const problems: string[] = [];
  const customerText = cell('customer');
  const matches = customerText === '' ? [] : findCustomer(customerText, customers);
  if (customerText === '') problems.push('The customer cell is empty: enter the customer code or name.');
  else if (matches.length === 0) problems.push(`No customer has the code or name "${customerText}".`);
  else if (matches.length > 1) problems.push(`"${customerText}" matches ${matches.length} customers: use the customer code instead.`);
  const customer = matches.length === 1 ? (matches[0] as ConsentImportCustomer) : null;

  const contact = customer !== null && cell('contact') !== '' ? findContact(cell('contact'), customer) : { id: null, problem: null };
  if (contact.problem !== null) problems.push(contact.problem);
  const channel = cell('channel') === '' ? null : pickEnum(cell('channel'), reminderChannels, { 'e-mail': 'email', mail: 'email' });
  if (cell('channel') !== '' && channel === null) problems.push(`Channel "${cell('channel')}" is not one of ${reminderChannels.join(', ')}.`);
  const purpose = pickEnum(cell('purpose'), consentPurposes, { reminders: 'payment-reminders', 'credit-check': 'credit-assessment', bureau: 'bureau-checks' });
  if (purpose === null) problems.push(`Purpose "${cell('purpose')}" is not one of ${consentPurposes.join(', ')}.`);
  const legalBasis = pickEnum(cell('basis'), legalBases, { 'legal-claim': 'enforcing-a-claim', claim: 'enforcing-a-claim' });
  if (legalBasis === null) problems.push(`Legal basis "${cell('basis')}" is not one of ${legalBases.join(', ')}.`);
  const action = pickEnum(cell('action'), consentActions, { give: 'given', granted: 'given', yes: 'given', withdraw: 'withdrawn', revoked: 'withdrawn', no: 'withdrawn' });
  if (action === null) problems.push(`"${cell('action')}" is neither given nor withdrawn.`);
  const effectiveOn = readConsentDate(cell('date'));
  if (effectiveOn === null) problems.push(`Date "${cell('date')}" is not a date: write it as YYYY-MM-DD or DD/MM/YYYY.`);

  return {
    row,
    customerId: customer?.id ?? null,
    customerName: customer?.name ?? null,
    contactId: contact.id,
    channel,
    purpose,
    legalBasis,
    action,
    noticeVersion: cell('notice') === '' ? null : cell('notice').slice(0, 100),
    effectiveOn,
    method: cell('method') === '' ? 'imported from a consent register (CSV)' : cell('method').slice(0, 300),
    problems,
  };
}

/**
 * Reads a consent register exported as CSV (customer code or name, contact, purpose, basis, notice
 * version, date, given/withdrawn, and optionally channel and method) and matches every row to a
 * customer. Nothing is stored here; a file with any problem is rejected whole when committed.
 */
export function planConsentImport(text: string, customers: readonly ConsentImportCustomer[]): { rows: ConsentImportRow[]; fileProblems: string[] } {
  const records = readCsvText(text);
  const header = records[0];
  if (header === undefined) return { rows: [], fileProblems: ['The file is empty: it needs a header row and at least one consent row.'] };
  const { columns, missing } = locateColumns(header.cells);
  if (missing.length > 0) {
    return { rows: [], fileProblems: [`The header row has no column for ${missing.join(', ')}. Found: ${header.cells.join(', ')}.`] };
  }
  const rows = records.slice(1).map((record) => planRow(record.cells, record.row, columns, customers));
  return { rows, fileProblems: rows.length === 0 ? ['The file has a header row but no consent rows.'] : [] };
}
