import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { deriveKey, validateScryptParams, type ScryptParams } from '../../vault/kdf';
import { ServiceError } from '../errors';

/**
 * A whole-ledger backup: every table's rows, gzip-compressed and sealed with AES-256-GCM under a
 * key derived with scrypt from a passphrase the user chooses for the backup. The file is
 *   line 1: `DUEWATCH-BACKUP 1`
 *   line 2: a JSON header (format, time, source ledger id, scrypt parameters and salt, IV),
 *           which is also the GCM additional data, so a changed header fails to open
 *   line 3: the GCM tag in base64
 *   rest:   the ciphertext.
 * The backup does not depend on the ledger's data key or key file, so it restores on any computer.
 */
const magicLine = 'DUEWATCH-BACKUP 1';

const headerSchema = z.object({
  format: z.literal('duewatch-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  sourceLedgerId: z.string(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  iv: z.string(),
});
type BackupHeader = z.infer<typeof headerSchema>;

/** The rows of one table as arrays in `columns` order; BLOBs are stored as `{ "$base64": … }`. */
export interface DumpedTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly unknown[][];
}

export interface LedgerDump {
  /** Names of the migrations the ledger had run, in order. */
  readonly migrations: readonly string[];
  readonly tables: readonly DumpedTable[];
}

/** Seals a dump and writes it atomically (temporary file, fsync, rename), readable by the owner only. */
export async function writeBackupFile(path: string, dump: LedgerDump, passphrase: string, kdf: ScryptParams, sourceLedgerId: string, at: Date): Promise<number> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: BackupHeader = { format: 'duewatch-backup', version: 1, createdAt: at.toISOString(), sourceLedgerId, kdf: { ...kdf, salt: salt.toString('base64') }, iv: iv.toString('base64') };
  const headerText = JSON.stringify(header);
  const key = await deriveKey(passphrase, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(headerText, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(gzipSync(JSON.stringify(dump))), cipher.final()]);
  key.fill(0);
  const content = Buffer.concat([Buffer.from(`${magicLine}\n${headerText}\n${cipher.getAuthTag().toString('base64')}\n`, 'utf8'), ciphertext]);
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const descriptor = openSync(temporary, 'w', 0o600);
  try {
    writeSync(descriptor, content);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return content.length;
}

function splitLines(content: Buffer, count: number): { lines: string[]; rest: Buffer } {
  const lines: string[] = [];
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    const end = content.indexOf(0x0a, start);
    if (end < 0) throw new ServiceError('invalid_input', 'The file is not a Duewatch backup, or it is cut off.');
    lines.push(content.subarray(start, end).toString('utf8'));
    start = end + 1;
  }
  return { lines, rest: content.subarray(start) };
}

/** Reads and opens a backup; a wrong passphrase or a changed file fails with `wrong_passphrase`. */
export async function readBackupFile(path: string, passphrase: string): Promise<{ dump: LedgerDump; sourceLedgerId: string; createdAt: string }> {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch {
    throw new ServiceError('not_found', `No readable backup file at ${path}.`);
  }
  const { lines, rest } = splitLines(content, 3);
  if (lines[0] !== magicLine) throw new ServiceError('invalid_input', `${path} is not a Duewatch backup (its first line is not "${magicLine}").`);
  const parsed = headerSchema.safeParse(JSON.parse(lines[1] ?? 'null'));
  if (!parsed.success) throw new ServiceError('invalid_input', `The header of the backup ${path} is damaged.`);
  let params: ScryptParams;
  try {
    params = validateScryptParams({ name: parsed.data.kdf.name, N: parsed.data.kdf.N, r: parsed.data.kdf.r, p: parsed.data.kdf.p });
  } catch {
    throw new ServiceError('invalid_input', `The backup ${path} names key-derivation parameters outside the accepted range.`);
  }
  const key = await deriveKey(passphrase, Buffer.from(parsed.data.kdf.salt, 'base64'), params);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parsed.data.iv, 'base64'));
    decipher.setAAD(Buffer.from(lines[1] ?? '', 'utf8'));
    decipher.setAuthTag(Buffer.from(lines[2] ?? '', 'base64'));
    plaintext = Buffer.concat([decipher.update(rest), decipher.final()]);
  } catch {
    throw new ServiceError('wrong_passphrase', 'The backup passphrase is wrong, or the backup file was changed or damaged.');
  } finally {
    key.fill(0);
  }
  return { dump: JSON.parse(gunzipSync(plaintext).toString('utf8')) as LedgerDump, sourceLedgerId: parsed.data.sourceLedgerId, createdAt: parsed.data.createdAt };
}
