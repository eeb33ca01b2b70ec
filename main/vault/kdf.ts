import { scrypt } from 'node:crypto';

/** scrypt parameters, stored with each ledger so they can be raised later without breaking old ledgers. */
export interface ScryptParams {
  readonly name: 'scrypt';
  /** CPU/memory cost, a power of two. Memory use is 128 * N * r bytes. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * The default for new ledgers: 128 * 2^17 * 8 bytes = 128 MiB per derivation, above the
 * OWASP Password Storage Cheat Sheet's scrypt minimum (N=2^17, r=8, p=1).
 */
export const defaultScryptParams: ScryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export function validateScryptParams(params: unknown): ScryptParams {
  const value = params as Partial<ScryptParams> | null;
  if (
    value === null ||
    value.name !== 'scrypt' ||
    !Number.isInteger(value.N) || (value.N as number) < 2 ** 10 || (value.N as number) > 2 ** 22 ||
    ((value.N as number) & ((value.N as number) - 1)) !== 0 ||
    !Number.isInteger(value.r) || (value.r as number) < 1 || (value.r as number) > 32 ||
    !Number.isInteger(value.p) || (value.p as number) < 1 || (value.p as number) > 16
  ) {
    throw new Error('The key file names KDF parameters outside the accepted range.');
  }
  return value as ScryptParams;
}

/** Derives a 256-bit wrapping key from a passphrase on the libuv thread pool. */
export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
