import type { Transaction } from 'kysely';
import type { ReminderTemplate } from '../../../core/reminders/templates/language-pack';
import { normalizeEmail, normalizePhone } from '../../../core/quality/identifiers';
import { invoiceBalances } from '../../../core/reminders/balances';
import { toLocalDateTime } from '../../../core/reminders/local-time';
import type { ReminderSettings } from '../../../core/reminders/settings';
import { previewReminder } from '../../../core/reminders/templates/preview';
import { TemplateError } from '../../../core/reminders/templates/render';
import type { Channel } from '../../../core/reminders/types';
import type { LedgerDatabase } from '../../db/connection';
import type { LedgerSchema } from '../../db/schema';
import { appendAudit } from '../audit';
import { ServiceError } from '../errors';
import { customerTimeZone } from './delivery';
import { loadLedgerSnapshot, type LedgerSnapshot } from './ledger-snapshot';

export interface PreviewInput {
  readonly customerId: number | null;
  readonly language: string;
  readonly templateId: string;
  readonly channel: Channel;
  readonly template?: ReminderTemplate | undefined;
}

/** Returns the settings with one template replaced by unsaved editor text. */
function withTemplate(settings: ReminderSettings, language: string, templateId: string, template: ReminderTemplate): ReminderSettings {
  const edit = settings.languages[language] ?? {};
  return { ...settings, languages: { ...settings.languages, [language]: { ...edit, templates: { ...edit.templates, [templateId]: template } } } };
}

function openInvoicesOf(snapshot: LedgerSnapshot, customerId: number, date: string) {
  const own = snapshot.invoices.filter((invoice) => invoice.customerId === customerId);
  const balances = invoiceBalances(own, snapshot.payments, snapshot.allocations, snapshot.creditNotes, date);
  return own
    .map((invoice) => ({ invoice, balanceMinor: balances.get(invoice.id) ?? 0 }))
    .filter((entry) => entry.balanceMinor > 0)
    .sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate) || a.invoice.id - b.invoice.id);
}

/**
 * Renders a template for a real customer's open invoices at `now` in the customer's time zone,
 * or on sample invoices when the customer has none open. A template error is returned as text,
 * so the editor can show it beside the template.
 */
export async function previewForCustomer(db: LedgerDatabase, settings: ReminderSettings, input: PreviewInput, now: Date) {
  const effective = input.template === undefined ? settings : withTemplate(settings, input.language, input.templateId, input.template);
  const snapshot = await loadLedgerSnapshot(db);
  const customer = input.customerId === null ? undefined : snapshot.customers.find((candidate) => candidate.id === input.customerId);
  if (input.customerId !== null && customer === undefined) throw new ServiceError('not_found', `No customer has the id ${input.customerId}.`);
  const today = toLocalDateTime(now.getTime(), customerTimeZone(settings, customer?.id ?? 0)).date;
  const open = customer === undefined ? [] : openInvoicesOf(snapshot, customer.id, today);
  const usedSampleInvoices = open.length === 0;
  const base = { customerName: customer?.name ?? 'Sample customer', invoiceCount: open.length, usedSampleInvoices };
  try {
    const message = previewReminder(effective, { language: input.language, templateId: input.templateId, channel: input.channel, today, ...(customer === undefined ? {} : { customer }), ...(usedSampleInvoices ? {} : { invoices: open }) });
    return { ...base, subject: message.subject, body: message.body, error: null };
  } catch (error) {
    if (error instanceof TemplateError || error instanceof RangeError) return { ...base, subject: '', body: '', error: error.message };
    throw error;
  }
}

/** Finds customers by name or code, with their open invoice count and contacts, for pickers. */
export async function findCustomers(db: LedgerDatabase, query: string, limit: number, now: Date, settings: ReminderSettings) {
  const snapshot = await loadLedgerSnapshot(db);
  const needle = query.toLowerCase();
  const matches = snapshot.customers
    .filter((customer) => needle === '' || customer.name.toLowerCase().includes(needle) || (customer.externalRef ?? '').toLowerCase().includes(needle))
    .slice(0, limit);
  return matches.map((customer) => {
    const today = toLocalDateTime(now.getTime(), customerTimeZone(settings, customer.id)).date;
    return {
      id: customer.id,
      name: customer.name,
      externalRef: customer.externalRef,
      openInvoices: openInvoicesOf(snapshot, customer.id, today).length,
      emails: customer.contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value),
      phones: customer.contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value),
    };
  });
}

/** Adds an e-mail address or phone number to a customer, so reminders can reach them. */
export async function addContact(db: LedgerDatabase, input: { customerId: number; kind: 'email' | 'phone'; value: string; name: string | null }, now: Date): Promise<void> {
  const normalized = input.kind === 'email' ? normalizeEmail(input.value) : normalizePhone(input.value);
  if (normalized.value === null) throw new ServiceError('invalid_input', `${normalized.reason} Correct the ${input.kind === 'email' ? 'e-mail address' : 'phone number'} and add it again.`);
  const value = normalized.value;
  await db.transaction().execute(async (trx: Transaction<LedgerSchema>) => {
    const customer = await trx.selectFrom('customers').select('id').where('id', '=', input.customerId).where('erased_at', 'is', null).executeTakeFirst();
    if (customer === undefined) throw new ServiceError('not_found', `No customer has the id ${input.customerId}.`);
    const existing = await trx.selectFrom('customer_contacts').select('id').where('customer_id', '=', input.customerId).where('kind', '=', input.kind).where('value', '=', value).executeTakeFirst();
    if (existing !== undefined) throw new ServiceError('already_exists', `Customer ${input.customerId} already has this ${input.kind === 'email' ? 'e-mail address' : 'phone number'}.`);
    const inserted = await trx.insertInto('customer_contacts').values({ customer_id: input.customerId, kind: input.kind, value, name: input.name, created_at: now.toISOString(), import_id: null }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { action: 'customer.contact-added', entityType: 'customer', entityId: input.customerId, details: { contactId: inserted.id, kind: input.kind } }, now);
  });
}
