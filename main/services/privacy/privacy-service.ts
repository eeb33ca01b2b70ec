import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { ParsedInput, RequestName, RequestOutput } from '../../../core/contract/index';
import { currentConsents, type ConsentRecord } from '../../../core/privacy/consent';
import { retentionProblems, type RetentionSettings } from '../../../core/privacy/retention';
import type { Channel, ReminderConsent } from '../../../core/reminders/types';
import type { LedgerDatabase } from '../../db/connection';
import { appendAudit } from '../audit';
import type { AppConfig } from '../config';
import { ServiceError } from '../errors';
import { describeLedger, ledgerExtension, type LedgerRegistry } from '../ledger-registry';
import type { Session } from '../session';
import { writeSetting } from '../settings-store';
import { listAuditEntries, verifyAuditLog } from './audit-review';
import { readBackupFile, writeBackupFile } from './backup-file';
import { compactLedger } from './compaction';
import { commitConsentImport, correctConsent, loadConsents, loadContacts, previewConsentImport, recordConsent, reminderConsentsFor, reminderDecision, toOutput } from './consent-store';
import { collectSubjectData, exportFolderName, writeSubjectExport } from './customer-export';
import { eraseCustomer, planErasure } from './erasure';
import { readPrivacySettings, privacySettingKeys } from './privacy-settings';
import { rectify } from './rectification';
import { createRequest, getRequest, listRequests, updateRequest } from './request-register';
import { applyRetention, previewRetention } from './retention';
import { dumpLedger, restoreLedger } from './ledger-backup';

type Out<Name extends RequestName> = RequestOutput<Name>;

/**
 * Consent records, requests from people about their data (access, rectification, erasure), the
 * request register, retention, the audit log and encrypted whole-ledger backups.
 */
export class PrivacyService {
  private readonly log;

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    private readonly registry: LedgerRegistry,
  ) {
    this.log = config.logger.child({ subsystem: 'privacy' });
  }

  private get db(): LedgerDatabase {
    return this.session.require().database.db;
  }

  private today(): string {
    return this.config.now().toISOString().slice(0, 10);
  }

  async searchCustomers(query: string, limit: number): Promise<Out<'privacy.customers.search'>> {
    let builder = this.db.selectFrom('customers').select(['id', 'name', 'external_ref', 'erased_at']).orderBy('name').orderBy('id').limit(limit);
    if (query !== '') {
      const pattern = `%${query.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      builder = builder.where((eb) => eb.or([eb('name', 'like', pattern), eb('external_ref', 'like', pattern), eb('gstin', 'like', pattern)]));
    }
    const rows = await builder.execute();
    return rows.map((row) => ({ id: row.id, name: row.name, externalRef: row.external_ref, erased: row.erased_at !== null }));
  }

  async consents(customerId: number): Promise<Out<'privacy.consents.list'>> {
    const [customer] = await this.searchById(customerId);
    const records = await loadConsents(this.db, [customerId]);
    const contacts = await loadContacts(this.db, [customerId]);
    const values = new Map(contacts.map((contact) => [contact.id, contact.value]));
    const replaced = new Set(records.map((record) => record.replacesId).filter((id): id is number => id !== null));
    const output = (record: ConsentRecord) => toOutput(record, values, replaced);
    return {
      customer,
      contacts: contacts.map((contact) => ({ id: contact.id, kind: contact.kind, value: contact.value })),
      records: [...records].reverse().map(output),
      current: currentConsents(records).map(output),
      reminders: {
        email: await reminderDecision(this.db, customerId, 'email'),
        whatsapp: await reminderDecision(this.db, customerId, 'whatsapp'),
        sms: await reminderDecision(this.db, customerId, 'sms'),
      },
    };
  }

  private async searchById(customerId: number) {
    const row = await this.db.selectFrom('customers').select(['id', 'name', 'external_ref', 'erased_at']).where('id', '=', customerId).executeTakeFirst();
    if (row === undefined) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
    return [{ id: row.id, name: row.name, externalRef: row.external_ref, erased: row.erased_at !== null }] as const;
  }

  private async consentById(consentId: number): Promise<Out<'privacy.consents.record'>> {
    const row = await this.db.selectFrom('consents').select('customer_id').where('id', '=', consentId).executeTakeFirstOrThrow();
    const listing = await this.consents(row.customer_id);
    const record = listing.records.find((candidate) => candidate.id === consentId);
    if (record === undefined) throw new ServiceError('internal', `Consent record ${consentId} was stored but cannot be read back.`);
    return record;
  }

  async recordConsent(input: ParsedInput<'privacy.consents.record'>): Promise<Out<'privacy.consents.record'>> {
    const id = await recordConsent(this.db, input.customerId, input, this.config.now());
    this.session.emit('ledger.changed', { tables: ['consents'] });
    return this.consentById(id);
  }

  async correctConsent(input: ParsedInput<'privacy.consents.correct'>): Promise<Out<'privacy.consents.correct'>> {
    const id = await correctConsent(this.db, input.consentId, input, this.config.now());
    return this.consentById(id);
  }

  previewConsentImport(csv: string) {
    return previewConsentImport(this.db, csv, this.today());
  }

  async commitConsentImport(csv: string): Promise<{ imported: number }> {
    const imported = await commitConsentImport(this.db, csv, this.config.now());
    this.log.info({ records: imported }, 'consent register imported');
    return { imported };
  }

  /** Decides whether payment reminders may go to the customer on the channel, and why. */
  allowsReminders(customerId: number, channel: Channel) {
    return reminderDecision(this.db, customerId, channel);
  }

  /** Consent records for the reminder engine (core/reminders `ReminderConsent`), for the given customers. */
  reminderConsents(customerIds: readonly number[]): Promise<ReminderConsent[]> {
    return reminderConsentsFor(this.db, customerIds);
  }

  /** Writes the access export to `targetFolder`, or to a new folder under the data folder's `exports`. */
  async exportCustomer(customerId: number, requestId: number | null, targetFolder?: string): Promise<Out<'privacy.customer.export'>> {
    const { ledger } = this.session.require();
    const now = this.config.now();
    const folder = targetFolder ?? join(this.config.dataDir, 'exports', exportFolderName(customerId, now));
    const files = await this.db.transaction().execute(async (trx) => {
      const data = await collectSubjectData(trx, customerId, now.toISOString());
      const written = writeSubjectExport(folder, data, ledger.name);
      await appendAudit(trx, { action: 'customer.exported', entityType: 'customer', entityId: customerId, details: { files: written.length, requestId } }, now);
      return written;
    });
    this.log.info({ customerId, files: files.length }, 'customer data exported');
    return { folder, files };
  }

  async erasurePreview(customerId: number): Promise<Out<'privacy.customer.erasurePreview'>> {
    const plan = await planErasure(this.db, customerId);
    return { customer: plan.customer, removed: plan.removed, kept: plan.kept, warnings: plan.warnings };
  }

  async eraseCustomer(customerId: number, confirmName: string, requestId: number | null): Promise<Out<'privacy.customer.erase'>> {
    const result = await eraseCustomer(this.db, customerId, confirmName, requestId, this.config.now());
    const compacted = await compactLedger(this.db);
    if (!compacted) this.log.warn({ customerId }, 'erasure committed but the WAL checkpoint did not finish; it finishes when the ledger closes');
    this.log.info({ customerId, tables: Object.keys(result.removed).length }, 'customer erased');
    this.session.emit('ledger.changed', { tables: ['customers', ...Object.keys(result.removed)] });
    return { customerId, pseudonym: result.pseudonym, removed: result.removed, kept: result.kept, compacted };
  }

  async rectify(input: ParsedInput<'privacy.customer.rectify'>): Promise<Out<'privacy.customer.rectify'>> {
    const result = await rectify(this.db, input, this.config.now());
    this.session.emit('ledger.changed', { tables: ['customers'] });
    return result;
  }

  async rectifications(customerId: number): Promise<Out<'privacy.rectifications.list'>> {
    const rows = await this.db.selectFrom('rectifications').selectAll().where('customer_id', '=', customerId).orderBy('id', 'desc').execute();
    return rows.map((row) => ({ id: row.id, field: row.field, oldValue: row.old_value, newValue: row.new_value, reason: row.reason, requestedOn: row.requested_on, recordedAt: row.recorded_at }));
  }

  listRequests(includeClosed: boolean) {
    return listRequests(this.db, includeClosed, this.today());
  }

  async createRequest(input: ParsedInput<'privacy.requests.create'>) {
    const id = await createRequest(this.db, input.kind, input.customerId, input.receivedOn, input.notes, this.config.now());
    return getRequest(this.db, id, this.today());
  }

  async updateRequest(input: ParsedInput<'privacy.requests.update'>) {
    await updateRequest(this.db, input.id, input, this.config.now());
    return getRequest(this.db, input.id, this.today());
  }

  settings() {
    return readPrivacySettings(this.db);
  }

  async updateSettings(input: ParsedInput<'privacy.settings.update'>) {
    const now = this.config.now();
    const current = await readPrivacySettings(this.db);
    const retention: RetentionSettings = { ...current.retention, ...input.retention };
    const problems = retentionProblems(retention);
    if (problems.length > 0) throw new ServiceError('invalid_input', problems.join(' '), problems);
    await this.db.transaction().execute(async (trx) => {
      if (input.deadlines !== undefined) await writeSetting(trx, privacySettingKeys.deadlines, input.deadlines, now);
      if (input.retention !== undefined) await writeSetting(trx, privacySettingKeys.retention, retention, now);
      await appendAudit(trx, { action: 'privacy.settings_changed', entityType: 'settings', details: { keys: Object.keys(input).filter((key) => input[key as keyof typeof input] !== undefined) } }, now);
    });
    return readPrivacySettings(this.db);
  }

  async previewRetention(limit: number) {
    const { retention } = await readPrivacySettings(this.db);
    return previewRetention(this.db, retention, this.today(), limit);
  }

  /**
   * Erases what the enabled retention rules cover, in one transaction with one audit entry, then
   * compacts the ledger when anything was deleted.
   * NOTE: the daily run while a ledger is unlocked needs a timer in main/services/index.ts that
   * calls this; the Privacy screen's Run now calls it on demand.
   */
  async runRetention(): Promise<Out<'privacy.retention.run'>> {
    const now = this.config.now();
    const removed = await this.db.transaction().execute(async (trx) => {
      const { retention } = await readPrivacySettings(trx);
      const deleted = await applyRetention(trx, retention, now.toISOString().slice(0, 10));
      await writeSetting(trx, privacySettingKeys.lastRetentionRun, now.toISOString(), now);
      await appendAudit(trx, { action: 'retention.applied', entityType: 'ledger', details: { removed: deleted } }, now);
      return deleted;
    });
    const compacted = Object.keys(removed).length === 0 ? true : await compactLedger(this.db);
    this.log.info({ tables: Object.keys(removed).length }, 'retention rules applied');
    if (Object.keys(removed).length > 0) this.session.emit('ledger.changed', { tables: Object.keys(removed) });
    return { removed, compacted };
  }

  listAudit(offset: number, limit: number) {
    return listAuditEntries(this.db, offset, limit);
  }

  verifyAudit() {
    return verifyAuditLog(this.db);
  }

  async createBackup(passphrase: string): Promise<Out<'privacy.backup.create'>> {
    const { ledger } = this.session.require();
    const now = this.config.now();
    const folder = join(this.config.dataDir, 'backups');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, `${ledger.name}-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}.duewatch-backup`);
    const result = await dumpLedger(this.db, ledger.id, now, (dump) => writeBackupFile(path, dump, passphrase, this.config.kdf, ledger.id, now));
    this.log.info({ ledgerId: ledger.id, tables: result.tables }, 'ledger backup written');
    return { path, sizeBytes: result.sizeBytes, tables: result.tables, rows: result.rows };
  }

  /** Restores a backup into a new ledger in the data folder (or at `targetPath`); the open ledger stays open. */
  async restoreBackup(input: ParsedInput<'privacy.backup.restore'>, targetPath?: string): Promise<Out<'privacy.backup.restore'>> {
    const opened = await readBackupFile(resolve(input.backupPath), input.backupPassphrase);
    const path = resolve(targetPath ?? this.registry.pathForNewLedger(input.name));
    const withExtension = path.endsWith(ledgerExtension) ? path : `${path}${ledgerExtension}`;
    const restored = await restoreLedger(withExtension, opened.dump, opened.sourceLedgerId, input.newPassphrase, this.config.kdf, this.config.now());
    this.registry.remember(withExtension);
    const ledger = describeLedger(withExtension);
    if (ledger === null) throw new ServiceError('internal', 'The restored ledger could not be read back.');
    this.log.info({ ledgerId: ledger.id, sourceLedgerId: opened.sourceLedgerId }, 'ledger restored from a backup');
    return { ledger: { ...ledger, isOpen: false, rememberedOnThisComputer: false }, recoveryKey: restored.recoveryKey, rows: restored.rows };
  }
}
