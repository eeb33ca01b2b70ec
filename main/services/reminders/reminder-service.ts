import type { OutboxStatus, ReminderHistoryEntry, ReminderRun, ReminderSettingsView } from '../../../core/contract/reminders';
import type { CustomerRecord } from '../../../core/contract/customers';
import type { LedgerDatabase } from '../../db/connection';
import type { Logger } from '../../logger';
import { appendAudit } from '../audit';
import type { AppConfig } from '../config';
import type { CustomerService } from '../customer-service';
import { ServiceError } from '../errors';
import type { Session } from '../session';
import { noConsentRecords, type ReminderConsentSource } from './consent-source';
import { addContact, findCustomers, previewForCustomer, type PreviewInput } from './customer-tools';
import { deliverQueued, resolveStaleSending, type DeliveryContext } from './delivery';
import { createSmtpTransport, reminderMessageId, type MailTransportFactory } from './mail-transport';
import { applyOutboxAction, type ActionResult, type OutboxAction } from './outbox-actions';
import { customerHistory, listOutbox } from './outbox-queries';
import { planFromLedger, recordPlan } from './planning';
import { readDelivery, readReminderSettings, readSettingsView, readSmtpPassword, writeReminderSettings, type ReminderSettingsChange } from './reminder-settings';

export interface ReminderServiceOptions {
  readonly consentSource?: ReminderConsentSource | undefined;
  /** Builds the mail transport; the default is nodemailer over SMTP. */
  readonly transportFactory?: MailTransportFactory | undefined;
}

/**
 * Payment reminders over the unlocked ledger: settings, planning into the outbox, e-mail
 * delivery over SMTP, WhatsApp and SMS messages the user sends by hand, and each customer's
 * history. Runs are serialized within the process, so a timer and an import never deliver the
 * same message twice. Across processes, a conditional update claims each outbox row.
 */
export class ReminderService {
  private readonly log: Logger;
  private consentSource: ReminderConsentSource;
  private readonly transportFactory: MailTransportFactory;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    private readonly customers: CustomerService,
    options: ReminderServiceOptions = {},
  ) {
    this.log = config.logger.child({ subsystem: 'reminders' });
    this.consentSource = options.consentSource ?? noConsentRecords;
    this.transportFactory = options.transportFactory ?? createSmtpTransport;
  }

  private get db(): LedgerDatabase {
    return this.session.require().database.db;
  }

  private get delivery(): DeliveryContext {
    return { db: this.db, ledgerId: this.session.require().ledger.id, logger: this.log, transportFactory: this.transportFactory };
  }

  /** Sets where consent records come from, for services built after this one. */
  useConsentSource(source: ReminderConsentSource): void {
    this.consentSource = source;
  }

  /** Runs `task` after every earlier run of this service has finished. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private changed(): void {
    this.session.emit('ledger.changed', { tables: ['reminder_outbox', 'reminder_skips'] });
  }

  getSettings(): Promise<ReminderSettingsView> {
    return readSettingsView(this.db);
  }

  async saveSettings(change: ReminderSettingsChange): Promise<ReminderSettingsView> {
    const now = this.config.now();
    await this.db.transaction().execute(async (trx) => {
      const keys = await writeReminderSettings(trx, change, now);
      await appendAudit(trx, { action: 'reminders.settings-changed', entityType: 'settings', details: { keys } }, now);
    });
    return this.getSettings();
  }

  /** Sends a short test message with the stored SMTP settings and returns the server's reply. */
  async sendTestEmail(to: string): Promise<{ messageId: string; response: string }> {
    const now = this.config.now();
    const delivery = await readDelivery(this.db);
    const transport = this.transportFactory(delivery.smtp, await readSmtpPassword(this.db));
    const messageId = reminderMessageId(this.session.require().ledger.id, `test:${now.toISOString()}`, delivery.smtp.fromAddress);
    try {
      const receipt = await transport.send({
        from: { address: delivery.smtp.fromAddress, name: delivery.smtp.fromName },
        to: [{ address: to, name: null }],
        replyTo: delivery.smtp.replyTo === '' ? null : delivery.smtp.replyTo,
        subject: 'Duewatch test message',
        text: 'This test message shows that Duewatch can send payment reminders through your SMTP server.',
        messageId,
        attachments: [],
      });
      await this.db.transaction().execute((trx) => appendAudit(trx, { action: 'reminders.smtp-tested', entityType: 'settings', details: { accepted: true } }, now));
      return { messageId: receipt.messageId, response: receipt.response };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ServiceError('unsupported', `The test message was not sent: ${message} Check the host, port, security and login under Reminders > Settings > E-mail.`);
    } finally {
      transport.close();
    }
  }

  async preview(input: PreviewInput) {
    return previewForCustomer(this.db, await readReminderSettings(this.db), input, this.config.now());
  }

  async findCustomers(query: string, limit: number) {
    return findCustomers(this.db, query, limit, this.config.now(), await readReminderSettings(this.db));
  }

  async addContact(input: { customerId: number; kind: 'email' | 'phone'; value: string; name: string | null }): Promise<CustomerRecord> {
    await addContact(this.db, input, this.config.now());
    this.session.emit('ledger.changed', { tables: ['customer_contacts'] });
    return this.customers.get(input.customerId);
  }

  /**
   * Plans the reminders due at `now` and writes them to the outbox, drafts in review mode and
   * queued in automatic mode, recording skips. Sends nothing. Does nothing when reminders are off.
   */
  run(now: Date): Promise<ReminderRun> {
    return this.serialize(() => this.planAt(now, false));
  }

  /** Sends the queued e-mail whose time has come; returns what happened to each. */
  deliver(now: Date): Promise<ReminderRun['delivered']> {
    return this.serialize(() => deliverQueued(this.delivery, now));
  }

  /**
   * Plans and sends everything due at `now`: call it on a timer and after each import. Messages
   * left in `sending` by a stopped run are recorded as sent without confirmation first, so they
   * are never sent twice.
   */
  runDue(now: Date): Promise<ReminderRun> {
    return this.serialize(() => this.planAt(now, true));
  }

  private async planAt(now: Date, send: boolean): Promise<ReminderRun> {
    const { mode } = await readDelivery(this.db);
    const empty: ReminderRun = { asOf: now.toISOString(), mode, created: [], delivered: [], skipped: [], deferred: [], unconfirmed: [] };
    if (mode === 'off') return empty;
    const unconfirmed = await resolveStaleSending(this.db, now);
    const settings = await readReminderSettings(this.db);
    const { plan, snapshot } = await planFromLedger(this.db, settings, this.consentSource, now);
    const planned = await recordPlan(this.db, plan, snapshot, mode, now);
    const delivered = send ? await deliverQueued(this.delivery, now) : [];
    this.log.info({ created: planned.created.length, delivered: delivered.length, skipped: planned.skipped.length, deferred: planned.deferred.length, unconfirmed: unconfirmed.length }, 'reminder run finished');
    if (planned.created.length > 0 || delivered.length > 0 || unconfirmed.length > 0) this.changed();
    return { ...empty, ...planned, delivered, unconfirmed };
  }

  /** Applies an outbox action; approving or retrying e-mail sends what is due at once. */
  async act(action: OutboxAction, ids: readonly number[]): Promise<ActionResult> {
    const now = this.config.now();
    const result = await this.serialize(async () => {
      const applied = await applyOutboxAction(this.db, action, ids, await readReminderSettings(this.db), now);
      if ((action === 'approve' || action === 'retry') && applied.updated.length > 0) await deliverQueued(this.delivery, now);
      return applied;
    });
    if (result.updated.length > 0) this.changed();
    return result;
  }

  outbox(statuses: readonly OutboxStatus[], limit: number) {
    return listOutbox(this.db, statuses, limit);
  }

  /** Returns a customer's reminders, sent and skipped, newest first; other services may call it. */
  historyFor(customerId: number, limit = 200): Promise<ReminderHistoryEntry[]> {
    return customerHistory(this.db, customerId, limit);
  }
}
