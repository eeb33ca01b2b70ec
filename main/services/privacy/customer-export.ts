import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { renderSubjectHtml, toCsv, type CellValue, type ExportRow, type ExportSection, type SubjectExport } from '../../../core/privacy/subject-export';
import { auditCondition, customerScopes, scanTables, selectScope, type Executor } from './customer-data';
import { ServiceError } from '../errors';

/** Section titles of the known tables. Other tables keep their own name as title. */
const sectionTitles: Record<string, string> = {
  customer_contacts: 'Contacts',
  invoices: 'Invoices',
  payments: 'Payments',
  allocations: 'Allocations of payments and credit notes to invoices',
  credit_notes: 'Credit notes',
  disputes: 'Disputes',
  promises_to_pay: 'Promises to pay',
  consents: 'Consents and legal bases',
  rectifications: 'Corrections made at the customer\'s request',
  privacy_requests: 'Requests about personal data',
  import_changes: 'Values replaced by imports',
  customer_scores: 'Risk scores',
  score_history: 'Score history',
  contact_changes: 'Contact detail changes',
  reminder_outbox: 'Payment reminders',
  reminder_outbox_invoices: 'Invoices named in payment reminders',
  reminder_skips: 'Reminders not sent',
  watch_list: 'Watch-list entries matching the customer\'s identifiers',
};
const sectionOrder = Object.keys(sectionTitles);

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

function toRow(row: Record<string, unknown>): ExportRow {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, toCell(value)]));
}

function sortKey(name: string): string {
  const index = sectionOrder.indexOf(name);
  return index >= 0 ? String(index).padStart(3, '0') : `zzz${name}`;
}

/**
 * Collects every row held about one customer (GDPR art. 15 and 20, DPDP Act 2023 s.11): the
 * customer row, the rows of every table linked to it, and the audit entries about it.
 */
export async function collectSubjectData(db: Executor, customerId: number, generatedAt: string): Promise<SubjectExport> {
  const customerRow = await sql<Record<string, unknown>>`select * from customers where id = ${customerId}`.execute(db);
  const customer = customerRow.rows[0];
  if (customer === undefined) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
  const identifiers = { gstin: (customer.gstin as string | null) ?? null, pan: (customer.pan as string | null) ?? null, cin: (customer.cin as string | null) ?? null };
  const tables = await scanTables(db);
  const scopes = customerScopes(tables, customerId, identifiers)
    .filter((scope) => scope.table !== 'customers')
    .sort((a, b) => sortKey(a.table).localeCompare(sortKey(b.table)));
  const sections: ExportSection[] = [];
  for (const scope of scopes) {
    const columns = tables.find((table) => table.name === scope.table)?.columns ?? [];
    sections.push({ name: scope.table, title: sectionTitles[scope.table] ?? scope.table, columns, rows: (await selectScope(db, scope)).map(toRow) });
  }
  const audit = await sql<Record<string, unknown>>`select seq, at, action, entity_type, entity_id, details_json from audit_log where ${auditCondition(customerId)} order by seq`.execute(db);
  const auditColumns = ['seq', 'at', 'action', 'entity_type', 'entity_id', 'details_json'];
  sections.push({ name: 'audit_log', title: 'Audit entries about this customer', columns: auditColumns, rows: audit.rows.map(toRow) });
  return { format: 'duewatch-subject-export', version: 1, generatedAt, customerId, customer: toRow(customer), sections };
}

/**
 * Writes the export as a folder: data.json (everything, machine-readable), customer.csv and one
 * CSV per section, and summary.html for the person to read. The folder and files are readable by
 * the owner only, because they hold the customer's data in plain text.
 */
export function writeSubjectExport(folder: string, data: SubjectExport, ledgerName: string): { name: string; sizeBytes: number }[] {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const files: [string, string][] = [
    ['data.json', `${JSON.stringify(data, null, 2)}\n`],
    ['summary.html', renderSubjectHtml(data, ledgerName)],
    ['customer.csv', toCsv([data.customer])],
    ...data.sections.map((section): [string, string] => [`${section.name}.csv`, toCsv(section.rows, [...section.columns])]),
  ];
  for (const [name, content] of files) writeFileSync(join(folder, name), content, { mode: 0o600 });
  return files.map(([name]) => ({ name, sizeBytes: statSync(join(folder, name)).size }));
}

/** Names an export folder after the customer id and the time, e.g. customer-12-20261204-100000. */
export function exportFolderName(customerId: number, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `customer-${customerId}-${stamp}`;
}
