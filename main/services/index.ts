import type { ParsedInput, RequestName, RequestOutput } from '../../core/contract/index';
import type { AppConfig } from './config';
import { CustomerService } from './customer-service';
import { FileIntake } from './import/file-intake';
import { ImportService } from './import/import-service';
import { LedgerService } from './ledger-service';
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
  readonly scoring: ScoringService;
  readonly handlers: Handlers;
  /** Work that follows every change to the ledger's records, in order: rescoring first. */
  private readonly changeHooks: ((reason: string) => Promise<void>)[] = [];
  private dayTimer: NodeJS.Timeout | null = null;

  constructor(readonly config: AppConfig) {
    this.ledgers = new LedgerService(config, this.session);
    this.customers = new CustomerService(config, this.session);
    this.settings = new SettingsService(config, this.session);
    const intake = new FileIntake(config.dataDir);
    intake.purgeStaleUploads();
    this.imports = new ImportService(config, this.session, intake, config.chooseImportFile ?? null);
    this.scoring = new ScoringService(config, this.session);
    this.onLedgerChanged(() => this.scoring.rescoreAll().then(() => undefined));
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
    this.stopDayTimer();
    this.dayTimer = setInterval(() => {
      if (this.session.unlocked === null) return;
      void this.scoring.ensureCurrent().catch((error: unknown) => this.config.logger.error({ err: error }, 'daily rescore failed'));
    }, 10 * 60_000);
    this.dayTimer.unref();
    return result;
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
      'risk.portfolio': () => this.scoring.portfolio(),
      'risk.customers': (input) => this.scoring.customers(input),
      'risk.customer': async (input) => ({ customer: await this.customers.get(input.id), ...(await this.scoring.customerRisk(input.id)) }),
      'risk.rescore': () => this.scoring.rescoreAll(),
      'risk.model': () => this.scoring.model(),
      'risk.settings': () => this.scoring.settings(),
      'risk.updateSettings': (input) => this.scoring.updateSettings(input),
      'risk.previewSettings': (input) => this.scoring.previewSettings(input),
    };
  }

  async shutdown(): Promise<void> {
    this.stopDayTimer();
    this.imports.intake.discardAll();
    await this.session.close('closed');
  }
}
