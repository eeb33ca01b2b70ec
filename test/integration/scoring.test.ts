import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch';
import { silentLogger } from '../../main/logger';
import type { Services } from '../../main/services/index';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

async function request<T>(services: Services, name: string, input: unknown): Promise<T> {
  const envelope = await dispatch(services, silentLogger, name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
  return envelope.value as T;
}

describe.skipIf(!sampleData.available)('scoring after an import', () => {
  const temp = makeTempDir('duewatch-scoring-');
  let services: Services;

  beforeAll(async () => {
    services = createTestServices(temp.path, { now: () => new Date('2014-02-01T06:00:00.000Z') });
    await services.ledgers.create('IBM', testPassphrase);
    const file = services.imports.intake.registerPath(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv'));
    await request(services, 'import.commit', { fileId: file.fileId });
  });

  afterAll(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('scores every customer after the import', async () => {
    const page = await request<{ total: number; asOf: string; items: { score: number; band: string }[] }>(services, 'risk.customers', { limit: 1000 });
    expect(page.total).toBe(100);
    expect(page.asOf).toBe('2014-02-01');
    const scores = page.items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(page.items.map((item) => item.band)).size).toBeGreaterThan(1);
  });

  it('fits the logistic model on this history', async () => {
    const model = await request<{ method: string; labelledCount: number }>(services, 'risk.model', {});
    expect(model.method).toBe('logistic');
    expect(model.labelledCount).toBe(2466);
  });

  it('explains the riskiest customer', async () => {
    const page = await request<{ items: { customerId: number; score: number }[] }>(services, 'risk.customers', { limit: 1 });
    const riskiest = page.items[0]!;
    const detail = await request<{ risk: { reasons: { text: string }[]; score: number }; history: { daysLate: number | null }[] }>(services, 'risk.customer', { id: riskiest.customerId });
    expect(detail.risk.score).toBe(riskiest.score);
    expect(detail.risk.reasons.length).toBeGreaterThanOrEqual(3);
    expect(detail.risk.reasons.length).toBeLessThanOrEqual(5);
    expect(detail.history.length).toBeGreaterThanOrEqual(15);
    expect(detail.history.every((point) => point.daysLate !== null)).toBe(true);
  });

  it('searches by customer code', async () => {
    const page = await request<{ total: number; items: { externalRef: string }[] }>(services, 'risk.customers', { search: '0379-nevhp' });
    expect(page.items.map((item) => item.externalRef)).toEqual(['0379-NEVHP']);
  });

  it('previews and applies new band cut-offs', async () => {
    const before = await request<{ current: Record<string, number>; proposed: Record<string, number>; moved: number }>(services, 'risk.previewSettings', { bandCutoffs: [5, 10, 15, 20] });
    expect(before.moved).toBeGreaterThan(0);
    expect(Object.values(before.current).reduce((sum, value) => sum + value, 0)).toBe(100);
    expect(Object.values(before.proposed).reduce((sum, value) => sum + value, 0)).toBe(100);
    await request(services, 'risk.updateSettings', { bandCutoffs: [5, 10, 15, 20] });
    const page = await request<{ items: { band: string }[] }>(services, 'risk.customers', { limit: 1000 });
    const counts: Record<string, number> = {};
    for (const item of page.items) counts[item.band] = (counts[item.band] ?? 0) + 1;
    for (const band of ['A', 'B', 'C', 'D', 'E']) expect(counts[band] ?? 0, band).toBe(before.proposed[band] ?? 0);
  });

  it('keeps a portfolio summary whose aging adds up', async () => {
    const portfolio = await request<{ summary: { outstandingMinor: number; aging: { amountMinor: number }[]; customerCount: number } }>(services, 'risk.portfolio', {});
    expect(portfolio.summary.customerCount).toBe(100);
    expect(portfolio.summary.aging.reduce((sum, bucket) => sum + bucket.amountMinor, 0)).toBe(portfolio.summary.outstandingMinor);
  });
});
