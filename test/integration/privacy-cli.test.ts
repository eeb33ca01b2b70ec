import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDuewatch } from '../support/cli';
import { importPrivacyLedger, kapoor } from '../support/privacy-ledger';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

describe('customer export and erase commands', () => {
  const temp = makeTempDir('duewatch-privacy-cli-');
  const env = { DUEWATCH_DATA_DIR: join(temp.path, 'data'), DUEWATCH_PASSPHRASE: testPassphrase };
  let ledgerPath: string;
  let kapoorId: number;

  beforeAll(async () => {
    const services = createTestServices(temp.path);
    await services.ledgers.create('Privacy CLI', testPassphrase);
    kapoorId = (await importPrivacyLedger(services, temp.path, 1)).kapoorId;
    ledgerPath = services.session.require().ledger.path;
    await services.shutdown();
  });

  afterAll(() => temp.remove());

  it('exports a customer to a folder', async () => {
    const out = join(temp.path, 'export');
    const result = await runDuewatch(['customer', 'export', String(kapoorId), '--ledger', ledgerPath, '--out', out], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Exported customer ${kapoorId} to ${out}:`);
    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as { customer: { name: string } };
    expect(data.customer.name).toBe(kapoor.name);
    expect(existsSync(join(out, 'invoices.csv'))).toBe(true);
  });

  it('refuses to export into a folder that is not empty', async () => {
    const result = await runDuewatch(['customer', 'export', String(kapoorId), '--ledger', ledgerPath, '--out', join(temp.path, 'export')], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not empty');
  });

  it('asks for the name before erasing', async () => {
    const missing = await runDuewatch(['customer', 'erase', String(kapoorId), '--ledger', ledgerPath], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--confirm NAME');
    const wrong = await runDuewatch(['customer', 'erase', String(kapoorId), '--ledger', ledgerPath, '--confirm', 'Someone Else'], { env });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('does not match');
    expect(wrong.stderr).not.toContain(kapoor.name);
  });

  it('erases a customer and keeps the chain intact', async () => {
    const result = await runDuewatch(['customer', 'erase', String(kapoorId), '--ledger', ledgerPath, '--confirm', kapoor.name, '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { pseudonym: string; removed: Record<string, number>; compacted: boolean };
    expect(parsed.pseudonym).toMatch(/^Erased customer [0-9a-f]{8}$/);
    expect(parsed.removed.customer_contacts).toBe(2);
    expect(parsed.compacted).toBe(true);
    const verify = await runDuewatch(['audit', 'verify', '--ledger', ledgerPath], { env });
    expect(verify.code).toBe(0);
  });
});
