import type { ParsedInput, RequestName, RequestOutput } from '../../core/contract/index';
import { ApiService } from './api/api-service';
import { AlertInbox } from './alerts/alert-inbox';
import { AlertService } from './alerts/alert-service';
import { BureauImport } from './alerts/bureau-import';
import type { AppConfig } from './config';
import { CustomerService } from './customer-service';
import { FileIntake } from './import/file-intake';
import { ImportService } from './import/import-service';
import { LedgerService } from './ledger-service';
import { PrivacyService } from './privacy/privacy-service';
import { ReminderService } from './reminders/reminder-service';
import { ScoringService } from './scoring/scoring-service';
import { Session } from './session';
import { SettingsService } from './settings-service';

export type Handlers = { [Name in RequestName]: (input: ParsedInput<Name>) => Promise<RequestOutput<Name>> | RequestOutput<Name> };

/** Every service of the main process over one session; the transports call them through `handlers`. */
export class Services {
  readonly session = new Session();
  readonly ledgers: LedgerService;
  readonly customers: CustomerService;
  readonly settings: SettingsService;
  readonly imports: ImportService;
  readonly privacy: PrivacyService;
  readonly reminders: ReminderService;
  readonly scoring: ScoringService;
  readonly alerts: AlertService;
  readonly alertInbox: AlertInbox;
  readonly bureau: BureauImport;
  readonly api: ApiService;
  readonly handlers: Handlers;
  /** Work that follows every change to the ledger's records, in order: rescoring first. */
  private readonly changeHooks: ((reason: string) => Promise<void>)[] = [];
  private dayTimer: NodeJS.Timeout | null = null;
  private lastRetentionDay: string | null = null;

  constructor(readonly config: AppConfig) {
    this.ledgers = new LedgerService(config, this.session);
    this.customers = new CustomerService(config, this.session);
    this.settings = new SettingsService(config, this.session);
    const intake = new FileIntake(config.dataDir);
    intake.purgeStaleUploads();
    this.imports = new ImportService(config, this.session, intake, config.chooseImportFile ?? null);
    this.privacy = new PrivacyService(config, this.session, this.ledgers.registry);
    this.reminders = new ReminderService(config, this.session, this.customers);
    // Reminders honour the consent records kept by the privacy service.
    this.reminders.useConsentSource(this.privacy);
    this.scoring = new ScoringService(config, this.session);
    this.onLedgerChanged(() => this.scoring.rescoreAll().then(() => undefined));
    this.alerts = new AlertService(config, this.session, this.scoring);
    this.alertInbox = new AlertInbox(config, this.session, () => this.scoring.today());
    this.bureau = new BureauImport(config, this.session, intake);
    this.onLedgerChanged((reason) => this.alerts.evaluateAfterChange(reason));
    // Reminders run after scores and alerts, so a schedule chosen by band uses the new bands.
    this.onLedgerChanged(() => this.reminders.runDue(config.now()).then(() => undefined));
    this.api = new ApiService(config, this.session, this.scoring, (reason) => this.ledgerChanged(reason, undefined));
    this.handlers = this.createHandlers();
    this.session.events.on('event', (name: string, payload: { unlocked?: boolean }) => {
      if (name === 'session.changed' && payload.unlocked === false) this.stopDayTimer();
    });
  }

  /** Registers work to run after each change to the ledger's records (imports, merges, payments). */
  onLedgerChanged(hook: (reason: string) => Promise<void>): void {
    this.changeHooks.push(hook);
  }

  private async ledgerChanged<T>(reason: string, result: T): Promise<T> {
    for (const hook of this.changeHooks) await hook(reason);
    return result;
  }

  /**
   * Brings derived data up to date after an unlock, then checks every ten minutes while the
   * ledger stays open, so scores and alerts move to a new day even when nothing is imported.
   */
  private async afterUnlock<T>(result: T): Promise<T> {
    await this.scoring.ensureCurrent();
    await this.alerts.evaluateAfterChange('unlock');
    await this.runRetentionOncePerDay();
    this.stopDayTimer();
    this.dayTimer = setInterval(() => {
      if (this.session.unlocked === null) return;
      void this.scoring.ensureCurrent()
        .then(() => this.alerts.evaluateAfterChange('day-timer'))
        .then(() => this.reminders.runDue(this.config.now()))
        .then(() => this.runRetentionOncePerDay())
        .catch((error: unknown) => this.config.logger.error({ err: error }, 'scheduled rescore, alerts or reminders failed'));
    }, 10 * 60_000);
    this.dayTimer.unref();
    return result;
  }

  /** Erases the data the retention settings mark as due, at most once a calendar day. */
  private async runRetentionOncePerDay(): Promise<void> {
    const today = this.scoring.today();
    if (this.lastRetentionDay === today) return;
    this.lastRetentionDay = today;
    const result = await this.privacy.runRetention();
    if (Object.keys(result.removed).length > 0) await this.ledgerChanged('retention', result);
  }

  private stopDayTimer(): void {
    if (this.dayTimer !== null) clearInterval(this.dayTimer);
    this.dayTimer = null;
  }

  private createHandlers(): Handlers {
    return {
      'session.state': () => this.ledgers.state(),
      'ledger.list': () => this.ledgers.list(),
      'ledger.create': (input) => this.ledgers.create(input.name, input.passphrase),
      'ledger.unlock': async (input) => this.afterUnlock(await this.ledgers.unlock(input.ledgerId, input.passphrase, input.remember)),
      'ledger.unlockWithRecoveryKey': async (input) => this.afterUnlock(await this.ledgers.unlockWithRecoveryKey(input.ledgerId, input.recoveryKey, input.newPassphrase)),
      'ledger.unlockRemembered': async (input) => this.afterUnlock(await this.ledgers.unlockRemembered(input.ledgerId)),
      'ledger.lock': () => this.ledgers.lock(),
      'ledger.changePassphrase': (input) => this.ledgers.changePassphrase(input.currentPassphrase, input.newPassphrase),
      'ledger.forgetRemembered': () => this.ledgers.forgetRemembered(),
      'settings.get': () => this.settings.get(),
      'settings.update': (input) => this.settings.update(input),
      'customers.add': async (input) => {
        const customer = await this.customers.add(input);
        await this.scoring.rescoreCustomer(customer.id);
        return customer;
      },
      'customers.get': (input) => this.customers.get(input.id),
      'customers.list': (input) => this.customers.list(input.offset, input.limit),
      'customers.duplicates': () => this.customers.duplicates(),
      'customers.merge': async (input) => this.ledgerChanged('merge', await this.customers.merge(input.keepId, input.mergeIds)),
      'customers.setCreditLimit': async (input) => {
        const customer = await this.customers.setCreditLimit(input);
        await this.scoring.rescoreCustomer(customer.id);
        return customer;
      },
      'import.presets': () => this.imports.presets(),
      'import.chooseFile': () => this.imports.chooseFile(),
      'import.preview': (input) => this.imports.preview(input.fileId, input.options),
      'import.commit': async (input) => this.ledgerChanged('import', await this.imports.commit(input.fileId, input.options)),
      'import.discard': (input) => this.imports.discard(input.fileId),
      'import.list': () => this.imports.list(),
      'import.undo': async (input) => this.ledgerChanged('import-undo', await this.imports.undo(input.importId)),
      'import.mappings': () => this.imports.mappings(),
      'import.saveMapping': (input) => this.imports.saveMapping(input.name, input.mapping),
      'privacy.customers.search': (input) => this.privacy.searchCustomers(input.query, input.limit),
      'privacy.consents.list': (input) => this.privacy.consents(input.customerId),
      'privacy.consents.record': (input) => this.privacy.recordConsent(input),
      'privacy.consents.correct': (input) => this.privacy.correctConsent(input),
      'privacy.consents.previewImport': (input) => this.privacy.previewConsentImport(input.csv),
      'privacy.consents.commitImport': (input) => this.privacy.commitConsentImport(input.csv),
      'privacy.reminderConsent': (input) => this.privacy.allowsReminders(input.customerId, input.channel),
      'privacy.customer.export': (input) => this.privacy.exportCustomer(input.customerId, input.requestId),
      'privacy.customer.erasurePreview': (input) => this.privacy.erasurePreview(input.customerId),
      'privacy.customer.erase': async (input) => this.ledgerChanged('erasure', await this.privacy.eraseCustomer(input.customerId, input.confirmName, input.requestId)),
      'privacy.customer.rectify': (input) => this.privacy.rectify(input),
      'privacy.rectifications.list': (input) => this.privacy.rectifications(input.customerId),
      'privacy.requests.list': (input) => this.privacy.listRequests(input.includeClosed),
      'privacy.requests.create': (input) => this.privacy.createRequest(input),
      'privacy.requests.update': (input) => this.privacy.updateRequest(input),
      'privacy.settings.get': () => this.privacy.settings(),
      'privacy.settings.update': (input) => this.privacy.updateSettings(input),
      'privacy.retention.preview': (input) => this.privacy.previewRetention(input.limit),
      'privacy.retention.run': async () => this.ledgerChanged('retention', await this.privacy.runRetention()),
      'privacy.audit.list': (input) => this.privacy.listAudit(input.offset, input.limit),
      'privacy.audit.verify': () => this.privacy.verifyAudit(),
      'privacy.backup.create': (input) => this.privacy.createBackup(input.passphrase),
      'privacy.backup.restore': (input) => this.privacy.restoreBackup(input),
      'reminders.getSettings': () => this.reminders.getSettings(),
      'reminders.saveSettings': (input) => this.reminders.saveSettings(input),
      'reminders.sendTestEmail': (input) => this.reminders.sendTestEmail(input.to),
      'reminders.preview': (input) => this.reminders.preview(input),
      'reminders.run': () => this.reminders.runDue(this.config.now()),
      'reminders.outbox': (input) => this.reminders.outbox(input.statuses, input.limit),
      'reminders.approve': (input) => this.reminders.act('approve', input.ids),
      'reminders.cancel': (input) => this.reminders.act('cancel', input.ids),
      'reminders.retry': (input) => this.reminders.act('retry', input.ids),
      'reminders.markSent': (input) => this.reminders.act('markSent', input.ids),
      'reminders.history': (input) => this.reminders.historyFor(input.customerId, input.limit),
      'reminders.findCustomers': (input) => this.reminders.findCustomers(input.query, input.limit),
      'reminders.addContact': (input) => this.reminders.addContact(input),
      'risk.portfolio': () => this.scoring.portfolio(),
      'risk.customers': (input) => this.scoring.customers(input),
      'risk.customer': async (input) => ({ customer: await this.customers.get(input.id), ...(await this.scoring.customerRisk(input.id)) }),
      'risk.rescore': () => this.scoring.rescoreAll(),
      'risk.model': () => this.scoring.model(),
      'risk.settings': () => this.scoring.settings(),
      'risk.updateSettings': (input) => this.scoring.updateSettings(input),
      'risk.previewSettings': (input) => this.scoring.previewSettings(input),
      'api.settings': () => this.api.settings(),
      'api.updateSettings': (input) => this.api.updateSettings(input),
      'api.status': () => this.api.status(),
      'api.tokens': (input) => this.api.tokens(input.includeRevoked),
      'api.createToken': (input) => this.api.createToken(input.name, input.scopes),
      'api.revokeToken': (input) => this.api.revokeToken({ id: input.id }),
      'api.requests': (input) => this.api.requests(input.limit),
      'alerts.list': (input) => this.alertInbox.list(input),
      'alerts.acknowledge': (input) => this.alertInbox.change('acknowledge', input.ids),
      'alerts.snooze': (input) => this.alertInbox.change('snooze', input.ids, { until: input.until }),
      'alerts.resolve': (input) => this.alertInbox.change('resolve', input.ids, { note: input.note }),
      'alerts.reopen': (input) => this.alertInbox.change('reopen', input.ids),
      'alerts.evaluate': () => this.alerts.evaluate(),
      'alerts.customer': (input) => this.alertInbox.customer(input.customerId),
      'alerts.settings': () => this.alerts.settings(),
      'alerts.updateSettings': (input) => this.alerts.updateSettings(input),
      'alerts.bureau.preview': (input) => this.bureau.preview(input.fileId),
      'alerts.bureau.commit': async (input) => {
        const result = await this.bureau.commit(input.fileId);
        await this.alerts.evaluateAfterChange('bureau-import');
        return result;
      },
      'alerts.bureau.discard': (input) => this.bureau.discard(input.fileId),
    };
  }

  async shutdown(): Promise<void> {
    this.stopDayTimer();
    this.imports.intake.discardAll();
    await this.session.close('closed');
  }
}
