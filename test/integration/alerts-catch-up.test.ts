import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/ledger/dates';
import { dispatch } from '../../main/ipc/dispatch';
import { silentLogger } from '../../main/logger';
import { verifyAudit } from '../../main/services/audit';
import type { Services } from '../../main/services/index';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

async function request<T>(services: Services, name: string, input: unknown): Promise<T> {
  const envelope = await dispatch(services, silentLogger, name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
  return envelope.value as T;
}

interface Alert { id: number; rule: string; customerName: string; alertDate: string; endedOn: string | null; state: string; evidence: { values: Record<string, unknown>; invoices: { number: string }[] } }

const invoices = [
  'Invoice Number,Customer Code,Customer Name,Invoice Date,Due Date,Amount',
  'A-1,A01,Anand Traders,2025-12-06,2026-01-05,"10,000.00"',
  'A-2,A01,Anand Traders,2025-12-21,2026-01-20,"10,000.00"',
  'A-3,A01,Anand Traders,2026-01-05,2026-02-04,"10,000.00"',
  'A-4,A01,Anand Traders,2026-02-03,2026-03-05,"10,000.00"',
  'B-1,B01,Bharat Steel,2026-01-11,2026-02-10,"25,000.00"',
  'C-1,C01,Chandra Exports,2026-02-20,2026-03-22,"40,000.00"',
  'C-2,C01,Chandra Exports,2026-03-10,2026-04-09,"30,000.00"',
].join('\n');

// A-4 is due on 2026-03-05 and paid on 2026-03-12, seven days late, after three on-time payments.
const payments = [
  'Receipt No,Payment Date,Customer Code,Customer Name,Invoice Number,Amount Received',
  'R-1,2026-01-05,A01,Anand Traders,A-1,"10,000.00"',
  'R-2,2026-01-19,A01,Anand Traders,A-2,"10,000.00"',
  'R-3,2026-02-04,A01,Anand Traders,A-3,"10,000.00"',
  'R-4,2026-03-12,A01,Anand Traders,A-4,"10,000.00"',
].join('\n');

/** The clock of one test ledger, moved by the test. */
class Clock {
  day = '2026-03-02';
  now = () => new Date(`${this.day}T06:00:00.000Z`);
}

async function createLedger(folder: string, clock: Clock): Promise<{ services: Services; ledgerId: string }> {
  const services = createTestServices(folder, { now: clock.now });
  const created = await services.ledgers.create('Alerts', testPassphrase);
  await request(services, 'alerts.updateSettings', { rules: { 'band-drop': { enabled: false }, 'exposure-growth': { enabled: false }, 'payments-shrinking': { enabled: false } } });
  for (const [name, text] of [['invoices.csv', invoices], ['payments.csv', payments]] as const) {
    const path = join(folder, name);
    writeFileSync(path, text);
    await request(services, 'import.commit', { fileId: services.imports.intake.registerPath(path).fileId });
  }
  const page = await request<{ items: { customerId: number; externalRef: string }[] }>(services, 'risk.customers', { search: 'C01' });
  await request(services, 'customers.setCreditLimit', { id: page.items[0]!.customerId, creditLimitMinor: 5_000_000, currency: 'INR' });
  return { services, ledgerId: created.ledger.id };
}

async function allAlerts(services: Services): Promise<Alert[]> {
  const page = await request<{ items: Alert[] }>(services, 'alerts.list', { states: ['new', 'acknowledged', 'snoozed', 'resolved'], limit: 1000 });
  return page.items.sort((a, b) => a.alertDate.localeCompare(b.alertDate) || a.rule.localeCompare(b.rule));
}

const summary = (alert: Alert) => [alert.alertDate, alert.rule, alert.customerName];

describe('alert catch-up after a closed fortnight', () => {
  const closed = makeTempDir('duewatch-alerts-closed-');
  const daily = makeTempDir('duewatch-alerts-daily-');
  const closedClock = new Clock();
  const dailyClock = new Clock();
  let closedLedger: { services: Services; ledgerId: string };
  let dailyLedger: { services: Services; ledgerId: string };

  beforeAll(async () => {
    closedLedger = await createLedger(closed.path, closedClock);
    dailyLedger = await createLedger(daily.path, dailyClock);
  });

  afterAll(async () => {
    await closedLedger.services.shutdown();
    await dailyLedger.services.shutdown();
    closed.remove();
    daily.remove();
  });

  it('raises nothing on the day of the import', async () => {
    expect(await allAlerts(closedLedger.services)).toEqual([]);
  });

  it('dates each alert on the day it would have fired', async () => {
    await request(closedLedger.services, 'ledger.lock', {});
    closedClock.day = '2026-03-16';
    await request(closedLedger.services, 'ledger.unlock', { ledgerId: closedLedger.ledgerId, passphrase: testPassphrase, remember: false });
    const alerts = await allAlerts(closedLedger.services);
    expect(alerts.map(summary)).toEqual([
      ['2026-03-10', 'credit-limit', 'Chandra Exports'],
      ['2026-03-12', 'first-late-payment', 'Anand Traders'],
      ['2026-03-12', 'sma-worsening', 'Bharat Steel'],
    ]);
    expect(alerts[0]!.evidence.values).toMatchObject({ exposureMinor: 7_000_000, limitMinor: 5_000_000, utilisationPercent: 140 });
    expect(alerts[0]!.endedOn).toBeNull();
    expect(alerts[1]!.evidence.values.daysLate).toBe(7);
    expect(alerts[1]!.evidence.invoices.map((invoice) => invoice.number)).toEqual(['A-4', 'A-1', 'A-2', 'A-3']);
    expect(alerts[2]!.evidence.values).toMatchObject({ from: 'SMA-0', to: 'SMA-1', daysPastDue: 31 });
  });

  it('matches a ledger opened every day of the fortnight', async () => {
    for (let offset = 1; offset <= 14; offset++) {
      await request(dailyLedger.services, 'ledger.lock', {});
      dailyClock.day = addDays('2026-03-02', offset);
      await request(dailyLedger.services, 'ledger.unlock', { ledgerId: dailyLedger.ledgerId, passphrase: testPassphrase, remember: false });
    }
    expect((await allAlerts(dailyLedger.services)).map(summary)).toEqual((await allAlerts(closedLedger.services)).map(summary));
  });

  it('adds no duplicate when the same day is evaluated again', async () => {
    const before = await allAlerts(closedLedger.services);
    const run = await request<{ evaluatedDays: string[]; opened: number }>(closedLedger.services, 'alerts.evaluate', {});
    expect(run.evaluatedDays).toEqual(['2026-03-16']);
    expect(run.opened).toBe(0);
    expect(await allAlerts(closedLedger.services)).toEqual(before);
  });

  it('acknowledges, snoozes and resolves with one audit entry each', async () => {
    const [limit, late, sma] = await allAlerts(closedLedger.services);
    expect(await request(closedLedger.services, 'alerts.acknowledge', { ids: [limit!.id] })).toEqual({ changed: 1 });
    expect(await request(closedLedger.services, 'alerts.snooze', { ids: [late!.id], until: '2026-03-20' })).toEqual({ changed: 1 });
    expect(await request(closedLedger.services, 'alerts.resolve', { ids: [sma!.id], note: 'Called the customer; cheque promised.' })).toEqual({ changed: 1 });
    const states = (await allAlerts(closedLedger.services)).map((alert) => alert.state);
    expect(states).toEqual(['acknowledged', 'snoozed', 'resolved']);
    const open = await request<{ total: number; counts: Record<string, number> }>(closedLedger.services, 'alerts.list', {});
    expect(open.total).toBe(1);
    expect(open.counts).toEqual({ new: 0, acknowledged: 1, snoozed: 1, resolved: 1 });

    const { db } = closedLedger.services.session.require().database;
    const audit = await db.selectFrom('audit_log').select(['action', 'details_json']).where('action', 'like', 'alerts.%').orderBy('seq').execute();
    expect(audit.map((entry) => entry.action).slice(-3)).toEqual(['alerts.acknowledge', 'alerts.snooze', 'alerts.resolve']);
    for (const entry of audit) expect(entry.details_json).not.toMatch(/Anand|Bharat|Chandra|cheque/);
    expect(await verifyAudit(db)).toBeNull();
  });

  it('rejects a snooze date that is not after today', async () => {
    const [limit] = await allAlerts(closedLedger.services);
    const envelope = await dispatch(closedLedger.services, silentLogger, 'alerts.snooze', { ids: [limit!.id], until: '2026-03-16' });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.message).toContain('must be a day after today (2026-03-16)');
  });

  it('brings a snoozed alert back when its date comes', async () => {
    await request(closedLedger.services, 'ledger.lock', {});
    closedClock.day = '2026-03-20';
    await request(closedLedger.services, 'ledger.unlock', { ledgerId: closedLedger.ledgerId, passphrase: testPassphrase, remember: false });
    const late = (await allAlerts(closedLedger.services)).find((alert) => alert.rule === 'first-late-payment');
    expect(late?.state).toBe('new');
  });
});
