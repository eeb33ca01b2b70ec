import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerInput } from '../../core/contract/customers';
import { verifyAudit } from '../../main/services/audit';
import type { Services } from '../../main/services/index';
import { ledgerFingerprint } from '../support/fingerprint';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

const base: CustomerInput = { name: '', externalRef: null, gstin: null, pan: null, cin: null, address: null, segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: null, contacts: [] };

describe('duplicate customers', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;

  beforeEach(async () => {
    temp = makeTempDir();
    services = createTestServices(temp.path);
    await services.ledgers.create('Shop', testPassphrase);
    const path = join(temp.path, 'invoices.csv');
    writeFileSync(path, 'Invoice Number,Customer Name,Invoice Date,Due Date,Amount\nA-1,Gupta Hardware Stores,2024-04-15,2024-05-15,100\nA-2,Gupta Hardware Stores Pvt. Ltd.,2024-04-16,2024-05-16,200\nA-3,Unrelated Co,2024-04-16,2024-05-16,300\n');
    const file = services.imports.intake.registerPath(path);
    await services.imports.commit(file.fileId, {});
  });

  afterEach(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('lists customers whose names differ only by legal suffix', async () => {
    const groups = await services.customers.duplicates();
    expect(groups).toHaveLength(1);
    expect(groups[0]?.customers.map((customer) => customer.name).sort()).toEqual(['Gupta Hardware Stores', 'Gupta Hardware Stores Pvt. Ltd.']);
  });

  it('lists customers sharing a GSTIN', async () => {
    await services.customers.add({ ...base, name: 'Alpha Branch', gstin: '27AAPFU0939F1ZV' });
    await services.customers.add({ ...base, name: 'Beta Depot', gstin: '27AAPFU0939F1ZV' });
    const groups = await services.customers.duplicates();
    const byGstin = groups.find((group) => group.reasons.includes('gstin'));
    expect(byGstin?.customers.map((customer) => customer.name).sort()).toEqual(['Alpha Branch', 'Beta Depot']);
  });

  it('merges invoices into the kept customer', async () => {
    const [group] = await services.customers.duplicates();
    const [keep, merge] = group!.customers;
    await services.customers.merge(keep!.id, [merge!.id]);
    const { raw, db } = services.session.require().database;
    expect(raw.prepare('select count(*) from customers').pluck().get()).toBe(2);
    expect(raw.prepare('select invoice_number from invoices where customer_id = ? order by invoice_number').pluck().all(keep!.id)).toEqual(['A-1', 'A-2']);
    expect(await services.customers.duplicates()).toEqual([]);
    const last = raw.prepare('select action, details_json from audit_log order by seq desc limit 1').get() as { action: string; details_json: string };
    expect(last.action).toBe('customer.merged');
    expect(last.details_json).not.toContain('Gupta');
    expect(await verifyAudit(db)).toBeNull();
  });

  it('refuses a merge that would lose an invoice', async () => {
    const [group] = await services.customers.duplicates();
    const [keep, merge] = group!.customers;
    const { raw, db } = services.session.require().database;
    raw.prepare("update invoices set invoice_number = 'A-1' where invoice_number = 'A-2'").run();
    const before = await ledgerFingerprint(db);
    await expect(services.customers.merge(keep!.id, [merge!.id])).rejects.toMatchObject({ code: 'conflict' });
    expect(await ledgerFingerprint(db)).toBe(before);
  });
});
