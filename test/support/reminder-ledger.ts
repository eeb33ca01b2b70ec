import type { ReminderDelivery } from '../../core/contract/reminders';
import type { ReminderSettingsInput } from '../../core/reminders/settings';
import { parseReminderSettings } from '../../core/reminders/settings';
import type { LedgerDatabase } from '../../main/db/connection';
import type { Services } from '../../main/services/index';
import { createTestServices, testPassphrase } from './services';

/** A clock the test moves by hand; services read it through `config.now`. */
export class TestClock {
  constructor(private current: Date) {}

  readonly now = (): Date => new Date(this.current);

  set(instant: string): Date {
    this.current = new Date(instant);
    return this.now();
  }
}

/** Creates services on `dataDir` with the clock, and a new unlocked ledger in them. */
export async function createReminderLedger(dataDir: string, clock: TestClock, name = 'Reminders'): Promise<Services> {
  const services = createTestServices(dataDir, { now: clock.now });
  await services.ledgers.create(name, testPassphrase);
  return services;
}

/** Opens services on `dataDir` again, as after a restart, and unlocks the ledger created there. */
export async function reopenReminderLedger(dataDir: string, clock: TestClock): Promise<Services> {
  const services = createTestServices(dataDir, { now: clock.now });
  const [ledger] = services.ledgers.list();
  if (ledger === undefined) throw new Error(`No ledger in ${dataDir}.`);
  await services.ledgers.unlock(ledger.id, testPassphrase, false);
  return services;
}

export function ledgerDb(services: Services): LedgerDatabase {
  return services.session.require().database.db;
}

const createdAt = '2026-01-01T00:00:00.000Z';

export async function addCustomer(services: Services, name: string, contacts: { email?: string; phone?: string } = {}): Promise<number> {
  const list = [
    ...(contacts.email === undefined ? [] : [{ kind: 'email' as const, value: contacts.email, name: `Accounts, ${name}` }]),
    ...(contacts.phone === undefined ? [] : [{ kind: 'phone' as const, value: contacts.phone, name: null }]),
  ];
  const customer = await services.customers.add({ name, externalRef: null, gstin: null, pan: null, cin: null, address: null, segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: 30, contacts: list });
  return customer.id;
}

export async function addInvoice(services: Services, customerId: number, invoiceNumber: string, dueDate: string, amountMinor: number): Promise<number> {
  const row = await ledgerDb(services).insertInto('invoices').values({
    customer_id: customerId, invoice_number: invoiceNumber, issue_date: '2026-09-01', due_date: dueDate, amount_minor: amountMinor, currency: 'INR', description: null, created_at: createdAt, import_id: null, source_file: null, source_row: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Records a payment that settles `amountMinor` of one invoice. */
export async function addPayment(services: Services, customerId: number, invoiceId: number, paymentDate: string, amountMinor: number): Promise<void> {
  const db = ledgerDb(services);
  const payment = await db.insertInto('payments').values({
    customer_id: customerId, payment_date: paymentDate, amount_minor: amountMinor, currency: 'INR', reference: `UTR${invoiceId}`, reversed_on: null, created_at: createdAt, import_id: null, source_file: null, source_row: null,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('allocations').values({ invoice_id: invoiceId, payment_id: payment.id, credit_note_id: null, amount_minor: amountMinor, import_id: null }).execute();
}

export async function addDispute(services: Services, invoiceId: number, openedOn: string): Promise<void> {
  await ledgerDb(services).insertInto('disputes').values({ invoice_id: invoiceId, opened_on: openedOn, resolved_on: null, reason: null, amount_minor: null, created_at: createdAt, import_id: null }).execute();
}

export async function addPromise(services: Services, customerId: number, invoiceId: number, madeOn: string, promisedDate: string, amountMinor: number): Promise<void> {
  await ledgerDb(services).insertInto('promises_to_pay').values({ customer_id: customerId, invoice_id: invoiceId, made_on: madeOn, promised_date: promisedDate, amount_minor: amountMinor, currency: 'INR', note: null, created_at: createdAt }).execute();
}

export const testBusiness = {
  name: 'Mehta Steel Works',
  phone: '+91 20 2712 3456',
  email: 'accounts@mehtasteel.example',
  upiId: 'mehtasteel@okhdfcbank',
};

/** Turns reminders on with an SMTP server on 127.0.0.1 at `port`, without TLS. */
export async function configureReminders(services: Services, options: { mode: ReminderDelivery['mode']; port: number; settings?: ReminderSettingsInput; login?: { username: string; password: string } }): Promise<void> {
  await services.reminders.saveSettings({
    settings: parseReminderSettings({ business: testBusiness, ...options.settings }),
    delivery: {
      mode: options.mode,
      smtp: { host: '127.0.0.1', port: options.port, security: 'none', username: options.login?.username ?? '', fromAddress: 'reminders@mehtasteel.example', fromName: 'Mehta Steel Works', replyTo: 'accounts@mehtasteel.example' },
    },
    ...(options.login === undefined ? {} : { smtpPassword: options.login.password }),
  });
}
