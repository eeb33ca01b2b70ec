import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditDecision, RiskView } from '../../core/api/schemas';
import { creditDecisionSchema, riskViewSchema } from '../../core/api/schemas';
import type { RiskRow } from '../../core/contract/risk';
import type { ApiServer } from '../../main/api/server';
import { dispatch } from '../../main/ipc/dispatch';
import { silentLogger } from '../../main/logger';
import { verifyAudit } from '../../main/services/audit';
import type { Services } from '../../main/services/index';
import { apiRequest, startTestApi, type ApiResponse } from '../support/api-client';
import { ledgerFingerprint } from '../support/fingerprint';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

interface IbmRow {
  customerID: string;
  invoiceNumber: string;
  InvoiceDate: string;
  DueDate: string;
  InvoiceAmount: string;
  SettledDate: string;
}

/** Converts the file's M/D/YYYY dates independently of the import code. */
function isoFromUs(text: string): string {
  const [month, day, year] = text.split('/');
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
}

function minorUnits(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

describe.skipIf(!sampleData.available)('local API on the IBM receivables', () => {
  const temp = makeTempDir('duewatch-api-ibm-');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let services: Services;
  let server: ApiServer;
  let token: string;
  let rows: IbmRow[];

  async function call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
    return apiRequest(server.port, { method, path, token, ...(body === undefined ? {} : { body }), ...(headers === undefined ? {} : { headers }) }, agent);
  }

  async function dispatched<T>(name: string, input: unknown): Promise<T> {
    const envelope = await dispatch(services, silentLogger, name, input);
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
    return envelope.value as T;
  }

  beforeAll(async () => {
    rows = parse(readFileSync(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv')), { columns: true, skip_empty_lines: true }) as IbmRow[];
    services = createTestServices(temp.path);
    await services.ledgers.create('IBM over the API', testPassphrase);
    // The posting below sends about 5,000 requests as fast as it can; the default 50 per second would reject most.
    await dispatched('api.updateSettings', { rateLimitPerSecond: 10_000, rateLimitBurst: 100_000 });
    server = await startTestApi(services);
    token = (await dispatched<{ secret: string }>('api.createToken', { name: 'billing', scopes: ['risk:read', 'ledger:write'] })).secret;
  });

  afterAll(async () => {
    agent.destroy();
    await server?.close();
    await services?.shutdown();
    temp.remove();
  });

  it('creates every customer, invoice and payment', async () => {
    const customerIds = [...new Set(rows.map((row) => row.customerID))];
    for (const code of customerIds) {
      const response = await call('POST', '/v1/customers', { name: code, externalRef: code });
      expect(response.status, response.text).toBe(201);
    }
    for (const row of rows) {
      const body = { customerRef: row.customerID, invoiceNumber: row.invoiceNumber, issueDate: isoFromUs(row.InvoiceDate), dueDate: isoFromUs(row.DueDate), amountMinor: minorUnits(row.InvoiceAmount), currency: 'INR' };
      const response = await call('POST', '/v1/invoices', body);
      expect(response.status, response.text).toBe(201);
    }
    for (const row of rows) {
      const amountMinor = minorUnits(row.InvoiceAmount);
      const body = { customerRef: row.customerID, paymentDate: isoFromUs(row.SettledDate), amountMinor, currency: 'INR', reference: row.invoiceNumber, allocations: [{ invoiceNumber: row.invoiceNumber, amountMinor }] };
      const response = await call('POST', '/v1/payments', body, { 'idempotency-key': `payment-${row.invoiceNumber}` });
      expect(response.status, response.text).toBe(201);
    }
    await services.api.flushRefresh();

    const { raw } = services.session.require().database;
    expect(raw.prepare('select count(*) from customers').pluck().get()).toBe(customerIds.length);
    expect(raw.prepare('select count(*) from invoices').pluck().get()).toBe(rows.length);
    expect(raw.prepare('select count(*) from payments').pluck().get()).toBe(rows.length);
    expect(raw.prepare('select count(*) from allocations').pluck().get()).toBe(rows.length);
    const expectedTotal = rows.reduce((sum, row) => sum + minorUnits(row.InvoiceAmount), 0);
    expect(raw.prepare('select sum(amount_minor) from invoices').pluck().get()).toBe(expectedTotal);
  });

  it('audits each write once and keeps the chain intact', async () => {
    const { raw, db } = services.session.require().database;
    const count = (action: string) => raw.prepare('select count(*) from audit_log where action = ?').pluck().get(action);
    expect(count('customer.created')).toBe(100);
    expect(count('invoice.created')).toBe(rows.length);
    expect(count('payment.created')).toBe(rows.length);
    expect(await verifyAudit(db)).toBeNull();
  });

  it('returns the scores the app shows', async () => {
    const list = await dispatched<{ items: RiskRow[] }>('risk.customers', { limit: 1000 });
    expect(list.items).toHaveLength(100);
    for (const row of list.items) {
      const response = await call('GET', `/v1/customers/${row.customerId}/risk`);
      expect(response.status, response.text).toBe(200);
      const view = riskViewSchema.parse(response.json);
      const { risk } = await dispatched<{ risk: { score: number; band: string; probability: number; reasons: unknown[]; indicators: unknown[]; analytics: { credit: { exposureMinor: number } } } }>('risk.customer', { id: row.customerId });
      expect(view).toMatchObject(row);
      expect(view.score).toBe(risk.score);
      expect(view.band).toBe(risk.band);
      expect(view.probability).toBe(risk.probability);
      expect(view.reasons).toEqual(risk.reasons);
      expect(view.indicators).toEqual(risk.indicators);
      expect(view.exposureMinor).toBe(risk.analytics.credit.exposureMinor);
    }
    const model = await dispatched<{ method: string }>('risk.model', {});
    expect(model.method).toBe('logistic');
  });

  it('finds a customer by code and by name', async () => {
    const code = rows[0]?.customerID ?? '';
    const byCode = await call('GET', `/v1/customers?externalRef=${encodeURIComponent(code)}`);
    const items = (byCode.json as { items: { id: number; externalRef: string }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]?.externalRef).toBe(code);
    const byName = await call('GET', `/v1/customers?name=${encodeURIComponent(code.toLowerCase())}`);
    expect((byName.json as { items: { id: number }[] }).items.map((item) => item.id)).toEqual([items[0]?.id]);
  });

  it('refuses credit above the limit headroom and approves within it', async () => {
    const list = await dispatched<{ items: RiskRow[] }>('risk.customers', { limit: 1000, sort: 'score', descending: false });
    const safest = list.items[0]!;
    const { db } = services.session.require().database;
    const before = await ledgerFingerprint(db);
    const check = async (amountMinor: number) => creditDecisionSchema.parse((await call('POST', `/v1/customers/${safest.customerId}/credit-check`, { amountMinor, currency: 'INR' })).json) as CreditDecision;
    const unlimited = await check(10_000_00);
    expect(unlimited.reasons.map((reason) => reason.code)).toContain('no-credit-limit');
    expect(await ledgerFingerprint(db)).toBe(before);

    const update = await call('POST', '/v1/customers', { name: safest.name, externalRef: safest.externalRef, creditLimitMinor: 50_000_00, creditLimitCurrency: 'INR' });
    expect(update.status, update.text).toBe(200);
    expect((update.json as { change: string }).change).toBe('updated');
    const view = riskViewSchema.parse((await call('GET', `/v1/customers/${safest.customerId}/risk`)).json) as RiskView;
    expect(view.creditLimitMinor).toBe(50_000_00);
    expect(view.headroomMinor).toBe(50_000_00 - view.exposureMinor);

    const within = await check(1_000_00);
    expect(within.headroomMinor).toBe(view.headroomMinor);
    expect(within.headroomAfterMinor).toBe((view.headroomMinor ?? 0) - 1_000_00);
    expect(within.reasons.map((reason) => reason.code)).not.toContain('over-credit-limit');
    const above = await check((view.headroomMinor ?? 0) + 1);
    expect(above.decision).toBe('refuse');
    expect(above.reasons.map((reason) => reason.code)).toContain('over-credit-limit');
  });

  it('changes nothing when a payment is sent again', async () => {
    const { db } = services.session.require().database;
    const row = rows[5]!;
    const amountMinor = minorUnits(row.InvoiceAmount);
    const before = await ledgerFingerprint(db);
    const again = await call('POST', '/v1/payments', { customerRef: row.customerID, paymentDate: isoFromUs(row.SettledDate), amountMinor, currency: 'INR', reference: row.invoiceNumber, allocations: [{ invoiceNumber: row.invoiceNumber, amountMinor }] });
    expect(again.status).toBe(200);
    expect((again.json as { change: string }).change).toBe('unchanged');
    expect(await ledgerFingerprint(db)).toBe(before);
    const replayed = await call('POST', '/v1/payments', { customerRef: row.customerID, paymentDate: isoFromUs(row.SettledDate), amountMinor, currency: 'INR', reference: row.invoiceNumber, allocations: [{ invoiceNumber: row.invoiceNumber, amountMinor }] }, { 'idempotency-key': `payment-${row.invoiceNumber}` });
    expect(replayed.status).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(await ledgerFingerprint(db)).toBe(before);
  });
});
