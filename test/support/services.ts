import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../main/logger';
import type { AppConfig } from '../../main/services/config';
import { Services } from '../../main/services/index';
import type { ScryptParams } from '../../main/vault/kdf';
import { unavailableKeyStore, type KeyStore } from '../../main/vault/key-store';

/** Cheap scrypt settings so that tests which unlock many times stay fast; never used by the app. */
export const testKdf: ScryptParams = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 };

export const testPassphrase = 'correct horse battery staple';

export function makeTempDir(prefix = 'duewatch-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function createTestServices(dataDir: string, overrides: Partial<AppConfig> & { keyStore?: KeyStore } = {}): Services {
  return new Services({
    mode: 'cli',
    dataDir,
    kdf: testKdf,
    keyStore: unavailableKeyStore,
    logger: silentLogger,
    now: () => new Date('2026-12-04T10:00:00.000Z'),
    ...overrides,
  });
}
