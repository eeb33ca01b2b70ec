import { safeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyStore } from './key-store';

/**
 * Keeps data keys encrypted with Electron safeStorage (Keychain on macOS, DPAPI on Windows,
 * kwallet or libsecret on Linux) in files under the data folder. Linux's `basic_text` backend
 * encrypts with a hard-coded password, so it is rejected rather than used silently.
 */
export function createElectronKeyStore(dataDir: string): KeyStore {
  const folder = join(dataDir, 'remembered-keys');
  const fileFor = (ledgerId: string) => join(folder, `${ledgerId.replace(/[^a-f0-9-]/gi, '')}.bin`);

  const unavailableReason = (): string | null => {
    if (!safeStorage.isEncryptionAvailable()) return 'This computer offers no system keychain to Duewatch.';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'The system keychain is not running (Electron would fall back to a fixed password), so the key is not remembered. Start GNOME Keyring or KWallet to enable this.';
    }
    return null;
  };

  return {
    unavailableReason,
    save(ledgerId, dataKey) {
      const reason = unavailableReason();
      if (reason !== null) throw new Error(reason);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(fileFor(ledgerId), safeStorage.encryptString(dataKey.toString('base64')), { mode: 0o600 });
    },
    load(ledgerId) {
      const file = fileFor(ledgerId);
      if (unavailableReason() !== null || !existsSync(file)) return null;
      return Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64');
    },
    forget(ledgerId) {
      const file = fileFor(ledgerId);
      const existed = existsSync(file);
      rmSync(file, { force: true });
      return existed;
    },
    has: (ledgerId) => existsSync(fileFor(ledgerId)),
  };
}
