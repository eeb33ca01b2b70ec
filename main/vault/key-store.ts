/**
 * Stores a ledger's data key on this computer so it opens without the passphrase. Only the
 * desktop app has a backend (Electron safeStorage, in keychain-electron.ts); browser mode and the
 * command line use `unavailableKeyStore`.
 */
export interface KeyStore {
  /** Null when keys can be remembered, otherwise the reason they cannot. */
  unavailableReason(): string | null;
  save(ledgerId: string, dataKey: Buffer): void;
  load(ledgerId: string): Buffer | null;
  forget(ledgerId: string): boolean;
  has(ledgerId: string): boolean;
}

export const unavailableKeyStore: KeyStore = {
  unavailableReason: () => 'Remembering a ledger needs the desktop app, which keeps the key in the system keychain.',
  save: () => {
    throw new Error('This key store cannot save keys.');
  },
  load: () => null,
  forget: () => false,
  has: () => false,
};
