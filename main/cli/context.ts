import { resolve } from 'node:path';
import { createLogger } from '../logger';
import { defaultDataDir } from '../services/config';
import { Services } from '../services/index';
import { defaultScryptParams } from '../vault/kdf';
import { unavailableKeyStore } from '../vault/key-store';
import { SecretReader, UsageError } from './secrets';

export interface CliContext {
  readonly services: Services;
  readonly secrets: SecretReader;
  readonly json: boolean;
  /** Writes the result: the JSON value with --json, otherwise the text lines. */
  output(value: unknown, lines: readonly string[]): void;
}

export function createCliContext(json: boolean, dataDir: string | undefined): CliContext {
  const logger = createLogger({ level: process.env.DUEWATCH_LOG_LEVEL ?? 'error' });
  const services = new Services({
    mode: 'cli',
    dataDir: dataDir ?? defaultDataDir([]),
    kdf: defaultScryptParams,
    keyStore: unavailableKeyStore,
    logger,
    now: () => new Date(),
  });
  return {
    services,
    secrets: new SecretReader(),
    json,
    output(value, lines) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${lines.join('\n')}\n`);
    },
  };
}

/** Unlocks the ledger at `path` with the passphrase from DUEWATCH_PASSPHRASE or standard input. */
export async function unlockLedgerAt(context: CliContext, path: string | undefined): Promise<void> {
  if (path === undefined || path === '') throw new UsageError('--ledger PATH is required: the path of the .duewatch ledger file.');
  const passphrase = await context.secrets.read('DUEWATCH_PASSPHRASE', 'Passphrase: ');
  await context.services.ledgers.unlockPath(resolve(path), passphrase);
}
