import type { Generated } from 'kysely';

/** Row types of the ledger tables as kysely sees them; domain types live in core/ledger. */
export interface LedgerSchema {
  imports: ImportsTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  invoices: InvoicesTable;
  payments: PaymentsTable;
  credit_notes: CreditNotesTable;
  allocations: AllocationsTable;
  disputes: DisputesTable;
  promises_to_pay: PromisesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  import_changes: ImportChangesTable;
}

interface LineageColumns {
  import_id: number | null;
  source_file: string | null;
  source_row: number | null;
}

export interface ImportsTable {
  id: Generated<number>;
  source_file: string;
  source_sha256: string;
  format: string;
  preset: string | null;
  mapping_json: string | null;
  started_at: string;
  committed_at: string | null;
  counts_json: string;
  undone_at: string | null;
}

export interface CustomersTable extends LineageColumns {
  id: Generated<number>;
  external_ref: string | null;
  name: string;
  name_key: string;
  gstin: string | null;
  pan: string | null;
  cin: string | null;
  address: string | null;
  state_code: string | null;
  segment: string | null;
  credit_limit_minor: number | null;
  credit_limit_currency: string | null;
  payment_terms_days: number | null;
  reminder_language: Generated<string>;
  time_zone: Generated<string>;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
}

export interface CustomerContactsTable {
  id: Generated<number>;
  customer_id: number;
  kind: 'email' | 'phone';
  value: string;
  name: string | null;
  created_at: string;
  import_id: number | null;
}

export interface InvoicesTable extends LineageColumns {
  id: Generated<number>;
  customer_id: number;
  invoice_number: string;
  issue_date: string;
  due_date: string;
  amount_minor: number;
  currency: string;
  description: string | null;
  created_at: string;
}

export interface PaymentsTable extends LineageColumns {
  id: Generated<number>;
  customer_id: number;
  payment_date: string;
  amount_minor: number;
  currency: string;
  reference: string | null;
  reversed_on: string | null;
  created_at: string;
}

export interface CreditNotesTable extends LineageColumns {
  id: Generated<number>;
  customer_id: number;
  invoice_id: number | null;
  note_number: string;
  issue_date: string;
  amount_minor: number;
  currency: string;
  reason: string | null;
  created_at: string;
}

export interface AllocationsTable {
  id: Generated<number>;
  invoice_id: number;
  payment_id: number | null;
  credit_note_id: number | null;
  amount_minor: number;
  import_id: number | null;
}

export interface DisputesTable {
  id: Generated<number>;
  invoice_id: number;
  opened_on: string;
  resolved_on: string | null;
  reason: string | null;
  amount_minor: number | null;
  created_at: string;
  import_id: number | null;
}

export interface PromisesTable {
  id: Generated<number>;
  customer_id: number;
  invoice_id: number | null;
  made_on: string;
  promised_date: string;
  amount_minor: number;
  currency: string;
  note: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export interface ImportChangesTable {
  id: Generated<number>;
  import_id: number;
  table_name: 'customers' | 'invoices' | 'allocations';
  row_id: number;
  before_json: string;
}
