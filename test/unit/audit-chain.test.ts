import { describe, expect, it } from 'vitest';
import { genesisHash, hashAuditEntry, verifyAuditChain, type AuditEntry } from '../../core/privacy/audit-chain';

function buildChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const fields = { seq, at: `2026-12-0${(seq % 9) + 1}T10:00:00.000Z`, action: `action.${seq}`, entityType: 'customer', entityId: String(seq * 10), details: JSON.stringify({ count: seq }) };
    const hash = hashAuditEntry(fields, prevHash);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

function headOf(entries: AuditEntry[]) {
  const last = entries.at(-1);
  return last === undefined ? null : { seq: last.seq, hash: last.hash };
}

describe('audit chain', () => {
  it('verifies an intact chain', () => {
    const chain = buildChain(6);
    expect(verifyAuditChain(chain, headOf(chain))).toBeNull();
  });

  it('detects an altered entry and names it', () => {
    for (let index = 0; index < 6; index += 1) {
      const chain = buildChain(6);
      const head = headOf(chain);
      chain[index] = { ...chain[index]!, details: JSON.stringify({ count: 999 }) };
      expect(verifyAuditChain(chain, head)).toEqual({ kind: 'altered', seq: index + 1 });
    }
  });

  it('detects a removed entry and names the gap', () => {
    for (let index = 0; index < 5; index += 1) {
      const chain = buildChain(6);
      const head = headOf(chain);
      chain.splice(index, 1);
      expect(verifyAuditChain(chain, head)).toEqual({ kind: 'gap', seq: index + 2, expectedSeq: index + 1 });
    }
  });

  it('detects removal of the newest entry', () => {
    const chain = buildChain(6);
    const head = headOf(chain);
    chain.pop();
    expect(verifyAuditChain(chain, head)).toEqual({ kind: 'head_mismatch', seq: 5 });
  });

  it('detects two swapped entries', () => {
    const chain = buildChain(6);
    const head = headOf(chain);
    const swapped = [...chain];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verifyAuditChain(swapped, head)).toMatchObject({ seq: 4 });
  });

  it('detects a renumbered swap', () => {
    const chain = buildChain(6);
    const head = headOf(chain);
    const third = chain[2]!;
    const fourth = chain[3]!;
    chain[2] = { ...fourth, seq: 3 };
    chain[3] = { ...third, seq: 4 };
    expect(verifyAuditChain(chain, head)).toEqual({ kind: 'broken_link', seq: 3 });
  });

  it('detects a rehashed forgery through the head', () => {
    const chain = buildChain(4);
    const head = headOf(chain);
    const forged = chain.slice(0, 2);
    let prevHash = forged[1]!.hash;
    for (let seq = 3; seq <= 4; seq += 1) {
      const fields = { seq, at: '2026-12-09T10:00:00.000Z', action: 'forged', entityType: null, entityId: null, details: '{}' };
      const hash = hashAuditEntry(fields, prevHash);
      forged.push({ ...fields, prevHash, hash });
      prevHash = hash;
    }
    expect(verifyAuditChain(forged, head)).toEqual({ kind: 'head_mismatch', seq: 4 });
  });
});
