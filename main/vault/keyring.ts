import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { defaultScryptParams, deriveKey, validateScryptParams, type ScryptParams } from './kdf';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';

/**
 * The key file beside each ledger (`NAME.duewatch.key`). It holds the ledger's random data key
 * twice, each copy sealed with AES-256-GCM: once under a key derived from the passphrase with
 * scrypt, once under a key derived from the recovery key with HKDF (the recovery key is already
 * 256 random bits). The ledger id is bound into each seal, so a wrap cannot be moved to another
 * ledger. Without this file the ledger cannot be opened.
 */
const sealSchema = z.object({ iv: z.string(), ciphertext: z.string(), tag: z.string() });
const keyFileSchema = z.object({
  format: z.literal('duewatch-keyring'),
  version: z.literal(1),
  ledgerId: z.string().uuid(),
  createdAt: z.string(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  passphraseSeal: sealSchema,
  recoverySeal: sealSchema.extend({ salt: z.string() }),
});
export type KeyFile = z.infer<typeof keyFileSchema>;
type Seal = z.infer<typeof sealSchema>;

export class KeyFileError extends Error {
  constructor(
    readonly reason: 'missing' | 'invalid' | 'wrong_secret',
    message: string,
  ) {
    super(message);
    this.name = 'KeyFileError';
  }
}

export function keyFilePath(ledgerPath: string): string {
  return `${ledgerPath}.key`;
}

function seal(key: Buffer, plaintext: Buffer, additionalData: string): Seal {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(additionalData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Opens a seal; returns null when the key is wrong (the GCM tag does not verify). */
function open(key: Buffer, sealed: Seal, additionalData: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(additionalData, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function recoveryWrappingKey(recoveryBytes: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryBytes, salt, 'duewatch recovery key v1', 32));
}

async function passphraseSealFor(ledgerId: string, dataKey: Buffer, passphrase: string, params: ScryptParams) {
  const salt = randomBytes(16);
  const wrappingKey = await deriveKey(passphrase, salt, params);
  return {
    kdf: { ...params, salt: salt.toString('base64') },
    passphraseSeal: seal(wrappingKey, dataKey, `${ledgerId}/passphrase`),
  };
}

function recoverySealFor(ledgerId: string, dataKey: Buffer) {
  const recovery = generateRecoveryKey();
  const salt = randomBytes(16);
  const sealed = seal(recoveryWrappingKey(recovery.bytes, salt), dataKey, `${ledgerId}/recovery`);
  return { recoveryKey: recovery.text, recoverySeal: { ...sealed, salt: salt.toString('base64') } };
}

/** Creates a new data key and its key file contents; the recovery key is returned once, never stored. */
export async function createKeyFile(passphrase: string, params: ScryptParams = defaultScryptParams) {
  const ledgerId = randomUUID();
  const dataKey = randomBytes(32);
  const passphrasePart = await passphraseSealFor(ledgerId, dataKey, passphrase, params);
  const recoveryPart = recoverySealFor(ledgerId, dataKey);
  const keyFile: KeyFile = {
    format: 'duewatch-keyring',
    version: 1,
    ledgerId,
    createdAt: new Date().toISOString(),
    ...passphrasePart,
    recoverySeal: recoveryPart.recoverySeal,
  };
  return { keyFile, dataKey, recoveryKey: recoveryPart.recoveryKey };
}

export function readKeyFile(ledgerPath: string): KeyFile {
  const path = keyFilePath(ledgerPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new KeyFileError('missing', `The key file ${path} is missing. Keep it beside the ledger: without it the ledger cannot be opened.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError('invalid', `The key file ${path} is damaged (not valid JSON). Restore it from a backup.`);
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) throw new KeyFileError('invalid', `The key file ${path} is damaged or from a newer Duewatch. Restore it from a backup or update Duewatch.`);
  validateScryptParams({ name: result.data.kdf.name, N: result.data.kdf.N, r: result.data.kdf.r, p: result.data.kdf.p });
  return result.data;
}

/**
 * Writes the key file atomically: a temporary file is written and flushed, then renamed over the
 * old one, so a crash leaves either the old or the new key file, never a half-written one.
 */
export function writeKeyFile(ledgerPath: string, keyFile: KeyFile): void {
  const path = keyFilePath(ledgerPath);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(keyFile, null, 2)}\n`, { mode: 0o600 });
    const handle = openSync(temporary, 'r+');
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

function syncFolder(folder: string): void {
  // Directory fsync makes the rename durable on Linux; Windows cannot open folders this way.
  if (process.platform === 'win32') return;
  const handle = openSync(folder, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

export async function unwrapWithPassphrase(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  const params = validateScryptParams({ name: keyFile.kdf.name, N: keyFile.kdf.N, r: keyFile.kdf.r, p: keyFile.kdf.p });
  const wrappingKey = await deriveKey(passphrase, Buffer.from(keyFile.kdf.salt, 'base64'), params);
  const dataKey = open(wrappingKey, keyFile.passphraseSeal, `${keyFile.ledgerId}/passphrase`);
  if (dataKey === null) throw new KeyFileError('wrong_secret', 'The passphrase is wrong.');
  return dataKey;
}

export function unwrapWithRecoveryKey(keyFile: KeyFile, recoveryKeyText: string): Buffer {
  const recoveryBytes = parseRecoveryKey(recoveryKeyText);
  if (recoveryBytes === null) throw new KeyFileError('wrong_secret', 'The recovery key is malformed: it has 52 letters and digits (A-Z, 2-7), usually in groups of four.');
  const wrappingKey = recoveryWrappingKey(recoveryBytes, Buffer.from(keyFile.recoverySeal.salt, 'base64'));
  const dataKey = open(wrappingKey, keyFile.recoverySeal, `${keyFile.ledgerId}/recovery`);
  if (dataKey === null) throw new KeyFileError('wrong_secret', 'The recovery key is wrong.');
  return dataKey;
}

/** Returns a key file whose passphrase seal uses the new passphrase; the data key stays the same. */
export async function rewrapPassphrase(keyFile: KeyFile, dataKey: Buffer, newPassphrase: string, params: ScryptParams = defaultScryptParams): Promise<KeyFile> {
  return { ...keyFile, ...(await passphraseSealFor(keyFile.ledgerId, dataKey, newPassphrase, params)) };
}

/** Returns a key file with a fresh recovery key, and that key's text to show once. */
export function rotateRecoveryKey(keyFile: KeyFile, dataKey: Buffer): { keyFile: KeyFile; recoveryKey: string } {
  const part = recoverySealFor(keyFile.ledgerId, dataKey);
  return { keyFile: { ...keyFile, recoverySeal: part.recoverySeal }, recoveryKey: part.recoveryKey };
}
