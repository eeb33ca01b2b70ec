import type { ParsedInput, RequestName, RequestOutput } from '../../core/contract/index';
import type { AppConfig } from './config';
import { CustomerService } from './customer-service';
import { FileIntake } from './import/file-intake';
import { ImportService } from './import/import-service';
import { LedgerService } from './ledger-service';
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
  readonly handlers: Handlers;

  constructor(readonly config: AppConfig) {
    this.ledgers = new LedgerService(config, this.session);
    this.customers = new CustomerService(config, this.session);
    this.settings = new SettingsService(config, this.session);
    const intake = new FileIntake(config.dataDir);
    intake.purgeStaleUploads();
    this.imports = new ImportService(config, this.session, intake, config.chooseImportFile ?? null);
    this.handlers = this.createHandlers();
  }

  private createHandlers(): Handlers {
    return {
      'session.state': () => this.ledgers.state(),
      'ledger.list': () => this.ledgers.list(),
      'ledger.create': (input) => this.ledgers.create(input.name, input.passphrase),
      'ledger.unlock': (input) => this.ledgers.unlock(input.ledgerId, input.passphrase, input.remember),
      'ledger.unlockWithRecoveryKey': (input) => this.ledgers.unlockWithRecoveryKey(input.ledgerId, input.recoveryKey, input.newPassphrase),
      'ledger.unlockRemembered': (input) => this.ledgers.unlockRemembered(input.ledgerId),
      'ledger.lock': () => this.ledgers.lock(),
      'ledger.changePassphrase': (input) => this.ledgers.changePassphrase(input.currentPassphrase, input.newPassphrase),
      'ledger.forgetRemembered': () => this.ledgers.forgetRemembered(),
      'settings.get': () => this.settings.get(),
      'settings.update': (input) => this.settings.update(input),
      'customers.add': (input) => this.customers.add(input),
      'customers.get': (input) => this.customers.get(input.id),
      'customers.list': (input) => this.customers.list(input.offset, input.limit),
      'customers.duplicates': () => this.customers.duplicates(),
      'customers.merge': (input) => this.customers.merge(input.keepId, input.mergeIds),
      'import.presets': () => this.imports.presets(),
      'import.chooseFile': () => this.imports.chooseFile(),
      'import.preview': (input) => this.imports.preview(input.fileId, input.options),
      'import.commit': (input) => this.imports.commit(input.fileId, input.options),
      'import.discard': (input) => this.imports.discard(input.fileId),
      'import.list': () => this.imports.list(),
      'import.undo': (input) => this.imports.undo(input.importId),
      'import.mappings': () => this.imports.mappings(),
      'import.saveMapping': (input) => this.imports.saveMapping(input.name, input.mapping),
    };
  }

  async shutdown(): Promise<void> {
    this.imports.intake.discardAll();
    await this.session.close('closed');
  }
}
