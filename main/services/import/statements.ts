import type Database from 'better-sqlite3-multiple-ciphers';

const statementSql = {
  customerByRef: 'select * from customers where external_ref = ?',
  customerByName: 'select * from customers where name = ? and external_ref is null order by id limit 1',
  insertCustomer: `insert into customers (external_ref, name, name_key, gstin, pan, address, state_code, credit_limit_minor, credit_limit_currency, payment_terms_days, created_at, updated_at, import_id, source_file, source_row)
      values (@externalRef, @name, @nameKey, @gstin, @pan, @address, @stateCode, @creditLimitMinor, @creditLimitCurrency, @paymentTermsDays, @now, @now, @importId, @sourceFile, @sourceRow)`,
  updateCustomer: `update customers set gstin = @gstin, pan = @pan, address = @address, state_code = @stateCode, credit_limit_minor = @creditLimitMinor,
      credit_limit_currency = @creditLimitCurrency, payment_terms_days = @paymentTermsDays, updated_at = @now where id = @id`,
  contactsOf: 'select kind, value from customer_contacts where customer_id = ?',
  insertContact: 'insert into customer_contacts (customer_id, kind, value, name, created_at, import_id) values (?, ?, ?, ?, ?, ?)',
  invoiceByNumber: 'select id, issue_date, due_date, amount_minor, currency, description, import_id from invoices where customer_id = ? and invoice_number = ?',
  insertInvoice: `insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, description, created_at, import_id, source_file, source_row)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  updateInvoice: 'update invoices set issue_date = ?, due_date = ?, amount_minor = ?, currency = ?, description = ? where id = ?',
  allocatedTo: 'select coalesce(sum(amount_minor), 0) from allocations where invoice_id = ?',
  paymentsBySignature: "select id from payments where customer_id = ? and payment_date = ? and amount_minor = ? and coalesce(reference, '') = ? order by id",
  insertPayment: `insert into payments (customer_id, payment_date, amount_minor, currency, reference, created_at, import_id, source_file, source_row)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  allocationOf: 'select id, amount_minor from allocations where payment_id = ? and invoice_id = ?',
  insertAllocation: 'insert into allocations (invoice_id, payment_id, amount_minor, import_id) values (?, ?, ?, ?)',
  updateAllocation: 'update allocations set amount_minor = ? where id = ?',
  disputeOf: 'select id from disputes where invoice_id = ? limit 1',
  settledOn: `select case when sum(a.amount_minor) >= (select amount_minor from invoices where id = a.invoice_id) then max(p.payment_date) end
    from allocations a join payments p on p.id = a.payment_id where a.invoice_id = ? and p.reversed_on is null`,
  insertDispute: 'insert into disputes (invoice_id, opened_on, reason, created_at, import_id) values (?, ?, ?, ?, ?)',
  recordChange: 'insert into import_changes (import_id, table_name, row_id, before_json) values (?, ?, ?, ?)',
} as const;

/** Statements whose single result column is returned as a plain value. */
const plucked = new Set<string>(['allocatedTo', 'paymentsBySignature', 'disputeOf', 'settledOn']);

export type ImportStatements = { readonly [Name in keyof typeof statementSql]: Database.Statement };

/** Prepares the statements of one import run; preparing once keeps a million-row import fast. */
export function prepareImportStatements(raw: Database.Database): ImportStatements {
  const prepared: Partial<Record<keyof typeof statementSql, Database.Statement>> = {};
  for (const [name, text] of Object.entries(statementSql) as [keyof typeof statementSql, string][]) {
    const statement = raw.prepare(text);
    prepared[name] = plucked.has(name) ? statement.pluck() : statement;
  }
  return prepared as ImportStatements;
}
