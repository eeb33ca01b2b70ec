import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDuewatch } from '../support/cli';
import { makeTempDir } from '../support/services';

interface AlertLine { rule: string; customerCode: string; date: string; state: string; evidence: { invoices: { number: string }[]; values: Record<string, unknown> } }

describe('alerts command', () => {
  const temp = makeTempDir('duewatch-alerts-cli-');
  const env = { DUEWATCH_PASSPHRASE: 'saffron kettle orbit 77', DUEWATCH_DATA_DIR: temp.path };
  const ledger = join(temp.path, 'Shop.duewatch');

  afterAll(() => temp.remove());

  it('catches up to the date and lists open alerts with evidence', async () => {
    expect((await runDuewatch(['ledger', 'create', ledger], { env })).code).toBe(0);
    writeFileSync(join(temp.path, 'invoices.csv'), [
      'Invoice Number,Customer Code,Customer Name,Invoice Date,Due Date,Amount',
      'A-1,A01,Anand Traders,2025-12-06,2026-01-05,10000',
      'A-2,A01,Anand Traders,2025-12-21,2026-01-20,10000',
      'A-3,A01,Anand Traders,2026-01-05,2026-02-04,10000',
      'A-4,A01,Anand Traders,2026-02-03,2026-03-05,10000',
      'B-1,B01,Bharat Steel,2026-01-11,2026-02-10,25000',
    ].join('\n'));
    writeFileSync(join(temp.path, 'payments.csv'), [
      'Receipt No,Payment Date,Customer Code,Customer Name,Invoice Number,Amount Received',
      'R-1,2026-01-05,A01,Anand Traders,A-1,10000',
      'R-2,2026-01-19,A01,Anand Traders,A-2,10000',
      'R-3,2026-02-04,A01,Anand Traders,A-3,10000',
      'R-4,2026-03-12,A01,Anand Traders,A-4,10000',
    ].join('\n'));
    for (const file of ['invoices.csv', 'payments.csv']) expect((await runDuewatch(['import', join(temp.path, file), '--ledger', ledger], { env })).code).toBe(0);

    const first = await runDuewatch(['alerts', '--ledger', ledger, '--as-of', '2026-03-16', '--json'], { env });
    expect(first.stderr).toBe('');
    const listed = JSON.parse(first.stdout) as { alerts: AlertLine[] };
    const late = listed.alerts.find((alert) => alert.rule === 'first-late-payment');
    expect(late).toMatchObject({ customerCode: 'A01', date: '2026-03-12', state: 'new' });
    expect(late?.evidence.invoices[0]?.number).toBe('A-4');
    expect(late?.evidence.values.daysLate).toBe(7);
    expect(listed.alerts.find((alert) => alert.rule === 'sma-worsening')).toMatchObject({ customerCode: 'B01', date: '2026-03-12' });

    const later = await runDuewatch(['alerts', '--ledger', ledger, '--as-of', '2026-03-20'], { env });
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/^Alerts as of 2026-03-20: \d+ not resolved \(4 days evaluated/);
    expect(later.stdout).toContain('2026-03-12  warning First late payment: Anand Traders (A01) [new]');
    expect(later.stdout.match(/First late payment/g)).toHaveLength(1);
    expect(later.stdout).toContain('evidence: invoices A-4, A-1, A-2, A-3; daysLate=7; onTimeRun=3; graceDays=0');
  });

  it('rejects a malformed date', async () => {
    const result = await runDuewatch(['alerts', '--ledger', ledger, '--as-of', '16/03/2026'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--as-of "16/03/2026" is not a date: write it as YYYY-MM-DD.');
  });
});
