import type { Generated } from 'kysely';

/** Row types of the ledger tables for kysely. Domain types are in core/ledger. */
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
  customer_scores: CustomerScoresTable;
  score_history: ScoreHistoryTable;
  portfolio_history: PortfolioHistoryTable;
  model_runs: ModelRunsTable;
  watch_list: WatchListTable;
  contact_changes: ContactChangesTable;
  reminder_outbox: ReminderOutboxTable;
  reminder_outbox_invoices: ReminderOutboxInvoicesTable;
  reminder_skips: ReminderSkipsTable;
  consents: ConsentsTable;
  rectifications: RectificationsTable;
  privacy_requests: PrivacyRequestsTable;
  api_tokens: ApiTokensTable;
  api_idempotency: ApiIdempotencyTable;
  alerts: AlertsTable;
  alert_memory: AlertMemoryTable;
  bureau_imports: BureauImportsTable;
  bureau_reports: BureauReportsTable;
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

export interface CustomerScoresTable {
  customer_id: number;
  as_of: string;
  method: string;
  score: number;
  band: string;
  probability: number;
  sma_class: string;
  days_past_due: number;
  outstanding_minor: number;
  overdue_minor: number;
  exposure_minor: number;
  suggested_action: string;
  indicator_count: number;
  indicator_severity: string | null;
  reasons_json: string;
  indicators_json: string;
  computed_at: string;
}

export interface ScoreHistoryTable {
  customer_id: number;
  as_of: string;
  score: number;
  band: string;
  sma_class: string;
}

export interface PortfolioHistoryTable {
  as_of: string;
  summary_json: string;
  computed_at: string;
}

export interface ModelRunsTable {
  id: Generated<number>;
  as_of: string;
  method: string;
  model_json: string;
  computed_at: string;
}

export interface WatchListTable {
  id: Generated<number>;
  source: string;
  name: string;
  pan: string | null;
  gstin: string | null;
  cin: string | null;
  status: string;
  listed_on: string | null;
  imported_at: string;
}

export interface ContactChangesTable {
  id: Generated<number>;
  customer_id: number;
  changed_on: string;
  kind: string;
  created_at: string;
}

export type OutboxStatus = 'draft' | 'queued' | 'sending' | 'sent' | 'failed' | 'skipped' | 'cancelled';

export interface ReminderOutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  customer_id: number;
  step_id: string;
  repeat_index: number;
  template_id: string;
  tone: string;
  channel: 'email' | 'whatsapp' | 'sms';
  language: string;
  subject: string;
  body: string;
  recipients_json: string;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  message_id: string | null;
  delivery_confirmed: Generated<number>;
  attach_statement: number;
  link: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface ReminderOutboxInvoicesTable {
  idempotency_key: string;
  outbox_id: number;
  invoice_id: number;
}

export interface ReminderSkipsTable {
  id: Generated<number>;
  skip_key: string;
  customer_id: number;
  invoice_id: number;
  step_id: string;
  repeat_index: number;
  channel: 'email' | 'whatsapp' | 'sms' | null;
  reason: string;
  message: string;
  recorded_at: string;
}

export interface ConsentsTable {
  id: Generated<number>;
  customer_id: number;
  contact_id: number | null;
  channel: 'email' | 'whatsapp' | 'sms' | null;
  purpose: 'payment-reminders' | 'credit-assessment' | 'bureau-checks' | 'marketing';
  legal_basis: 'consent' | 'contract' | 'legal-obligation' | 'enforcing-a-claim';
  action: 'given' | 'withdrawn';
  notice_version: string | null;
  effective_on: string;
  method: string;
  replaces_id: number | null;
  recorded_at: string;
}

export interface RectificationsTable {
  id: Generated<number>;
  customer_id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  requested_on: string;
  request_id: number | null;
  recorded_at: string;
}

export interface PrivacyRequestsTable {
  id: Generated<number>;
  kind: 'access' | 'portability' | 'rectification' | 'erasure' | 'objection' | 'grievance';
  customer_id: number | null;
  received_on: string;
  due_on: string;
  status: 'open' | 'in-progress' | 'extended' | 'completed' | 'rejected';
  response_sent_on: string | null;
  response_text: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  scopes_json: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ApiIdempotencyTable {
  token_id: number;
  idempotency_key: string;
  request_hash: string;
  status_code: number;
  response_json: string;
  customer_id: number | null;
  created_at: string;
}

export interface AlertsTable {
  id: Generated<number>;
  episode_key: string;
  rule: string;
  customer_id: number;
  subject: string;
  kind: 'event' | 'state';
  severity: 'info' | 'warning' | 'high';
  severity_rank: number;
  alert_date: string;
  updated_on: string;
  ended_on: string | null;
  message: string;
  evidence_json: string;
  state: 'new' | 'acknowledged' | 'snoozed' | 'resolved';
  snoozed_until: string | null;
  resolution_note: string | null;
  state_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertMemoryTable {
  customer_id: number;
  memory_json: string;
}

export interface BureauImportsTable {
  id: Generated<number>;
  file_name: string;
  source_sha256: string;
  row_count: number;
  imported_count: number;
  committed_at: string;
}

export interface BureauReportsTable {
  id: Generated<number>;
  customer_id: number;
  bureau: string;
  report_date: string;
  scale: 'score-300-900' | 'rank-1-10';
  value: number;
  import_id: number | null;
  source_row: number | null;
  created_at: string;
}
