import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../main/db/migrations/index';
import { runDuewatch } from '../support/cli';
import { makeTempDir } from '../support/services';

const passphrase = 'jaggery lantern orbit 88';

describe('duewatch command line', () => {
  const temp = makeTempDir('duewatch-cli-');
  const ledgerPath = join(temp.path, 'clients', 'Mehta & Sons.duewatch');
  const env = { DUEWATCH_DATA_DIR: join(temp.path, 'data'), DUEWATCH_PASSPHRASE: passphrase };

  beforeAll(async () => {
    const created = await runDuewatch(['ledger', 'create', ledgerPath, '--json'], { env });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
  });

  afterAll(() => temp.remove());

  it('creates the ledger and its key file', () => {
    expect(existsSync(ledgerPath)).toBe(true);
    expect(existsSync(`${ledgerPath}.key`)).toBe(true);
  });

  it('refuses to create over an existing ledger', async () => {
    const result = await runDuewatch(['ledger', 'create', ledgerPath], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^duewatch: error: A ledger already exists at .*Mehta & Sons\.duewatch/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('adds a customer and reports it in info', async () => {
    const added = await runDuewatch(['customer', 'add', '--ledger', ledgerPath, '--name', 'Kapoor Electricals', '--gstin', '27AAPFU0939F1ZV', '--email', 'Accounts@Kapoor.example', '--phone', '098200 12345', '--credit-limit', '2,50,000', '--terms', '45', '--json'], { env });
    expect(added.code).toBe(0);
    const customer = JSON.parse(added.stdout) as { id: number; creditLimitMinor: number; contacts: { value: string }[] };
    expect(customer.creditLimitMinor).toBe(25_000_000);
    expect(customer.contacts.map((contact) => contact.value)).toEqual(['accounts@kapoor.example', '+919820012345']);

    const info = await runDuewatch(['ledger', 'info', ledgerPath, '--json'], { env });
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as { counts: { customers: number; auditEntries: number }; cipher: string; journalMode: string; auditChainIntact: boolean; schema: string };
    expect(parsed.counts.customers).toBe(1);
    expect(parsed.cipher).toBe('chacha20');
    expect(parsed.journalMode).toBe('wal');
    expect(parsed.schema).toBe(Object.keys(migrations).sort().at(-1));
    expect(parsed.auditChainIntact).toBe(true);
    expect(parsed.counts.auditEntries).toBeGreaterThanOrEqual(3);
  });

  it('rejects an invalid GSTIN naming the value', async () => {
    const result = await runDuewatch(['customer', 'add', '--ledger', ledgerPath, '--name', 'Bad Id', '--gstin', '27AAPFU0939F1ZA'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GSTIN "27AAPFU0939F1ZA" is invalid');
  });

  it('rejects a passphrase given as an argument', async () => {
    const result = await runDuewatch(['ledger', 'info', ledgerPath, '--passphrase', passphrase], { env: { DUEWATCH_DATA_DIR: env.DUEWATCH_DATA_DIR } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('passphrases are not accepted as arguments');
  });

  it('fails cleanly on a wrong passphrase', async () => {
    const result = await runDuewatch(['ledger', 'info', ledgerPath], { env: { ...env, DUEWATCH_PASSPHRASE: 'not the right one' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^duewatch: error: The passphrase is wrong\./);
  });

  it('reads passphrases from standard input', async () => {
    const changed = await runDuewatch(['ledger', 'change-passphrase', ledgerPath], { env: { DUEWATCH_DATA_DIR: env.DUEWATCH_DATA_DIR }, stdin: `${passphrase}\nnew passphrase from stdin\n` });
    expect(changed.stderr).toBe('');
    expect(changed.code).toBe(0);
    const old = await runDuewatch(['ledger', 'info', ledgerPath], { env });
    expect(old.code).toBe(1);
    const fresh = await runDuewatch(['ledger', 'info', ledgerPath], { env: { DUEWATCH_DATA_DIR: env.DUEWATCH_DATA_DIR }, stdin: 'new passphrase from stdin\n' });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('1 customers');
  });

  it('names a missing ledger', async () => {
    const result = await runDuewatch(['ledger', 'info', join(temp.path, 'nope.duewatch')], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No ledger at');
  });

  it('reports an unknown command with usage', async () => {
    const result = await runDuewatch(['ledger', 'explode'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "ledger explode"');
    expect(result.stderr).toContain('ledger create PATH');
  });
});
