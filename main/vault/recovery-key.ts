import { randomBytes } from 'node:crypto';

/**
 * Recovery keys are 32 random bytes written in RFC 4648 base32 (no padding) in groups of four,
 * for example `ABCD-EFGH-...`: 52 letters and digits that survive being copied by hand.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function generateRecoveryKey(): { text: string; bytes: Buffer } {
  const bytes = randomBytes(32);
  return { text: formatRecoveryKey(bytes), bytes };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) text += alphabet[(value << (5 - bits)) & 31];
  return text.match(/.{1,4}/g)?.join('-') ?? text;
}

/** Parses a typed recovery key, ignoring case, spaces and dashes; returns null when it is malformed. */
export function parseRecoveryKey(input: string): Buffer | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '');
  if (text.length !== 52) return null;
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text) {
    const index = alphabet.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return bytes.length === 32 ? Buffer.from(bytes) : null;
}
