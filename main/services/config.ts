import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ImportLimits } from '../../core/import/limits';
import type { Logger } from '../logger';
import type { ScryptParams } from '../vault/kdf';
import type { KeyStore } from '../vault/key-store';

export type AppMode = 'desktop' | 'browser' | 'cli';

export interface AppConfig {
  readonly mode: AppMode;
  /** Folder for ledgers, the list of known ledgers and remembered keys. */
  readonly dataDir: string;
  readonly kdf: ScryptParams;
  readonly keyStore: KeyStore;
  readonly logger: Logger;
  /** The clock; tests pass a fixed one. */
  readonly now: () => Date;
  /** Shows the desktop app's open-file dialog; absent in browser mode and the command line. */
  readonly chooseImportFile?: () => Promise<string | null>;
  /** Overrides of the import size limits; tests lower them to reach a limit with small files. */
  readonly importLimits?: Partial<ImportLimits>;
}

/**
 * The platform's application-data folder, as Electron's `app.getPath('userData')` gives it:
 * %APPDATA%\Duewatch on Windows, ~/Library/Application Support/Duewatch on macOS and
 * $XDG_CONFIG_HOME/Duewatch (default ~/.config/Duewatch) elsewhere. DUEWATCH_DATA_DIR overrides it,
 * and a `--data-dir` flag overrides both.
 */
export function defaultDataDir(argv: readonly string[] = process.argv): string {
  const flagIndex = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (flagIndex >= 0) {
    const arg = argv[flagIndex] ?? '';
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[flagIndex + 1];
    if (value === undefined || value === '') throw new Error('--data-dir needs a folder path.');
    return value;
  }
  const fromEnvironment = process.env.DUEWATCH_DATA_DIR;
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Duewatch');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Duewatch');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Duewatch');
}
