import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/services/audit';
import type { Services } from '../../main/services/index';
import { decryptedLedgerBytes, rawLedgerFiles } from '../support/decrypted-copy';
import { bharat, importPrivacyLedger, kapoor } from '../support/privacy-ledger';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

/** Every value that identifies Kapoor, in the forms the ledger stores them. */
const needles = [kapoor.name, kapoor.name.toLowerCase(), kapoor.gstin, kapoor.pan, kapoor.email, kapoor.phone, kapoor.phone.slice(3), 'Lamington', kapoor.description, 'Kapoor Zenith Electricals'];

function found(bytes: Buffer): string[] {
  return needles.filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')));
}

describe('customer erasure down to the file bytes', () => {
  const temp = makeTempDir('duewatch-erasure-');
  let services: Services;
  let ids: { kapoorId: number; bharatId: number };
  let ledgerPath: string;
  let dataKey: Buffer;
  let keptBefore: { invoice_number: string; issue_date: string; due_date: string; amount_minor: number; currency: string }[];
  let auditCountBefore: number;

  beforeAll(async () => {
    services = createTestServices(temp.path);
    await services.ledgers.create('Erasure', testPassphrase);
    ids = await importPrivacyLedger(services, temp.path, 40);
    const unlocked = services.session.require();
    ledgerPath = unlocked.ledger.path;
    dataKey = Buffer.from(unlocked.dataKey);

    // Free pages: a second import of many rows, undone again.
    const filler = ['Customer Name,Invoice Number,Invoice Date,Due Date,Amount,Description'];
    for (let index = 0; index < 1500; index += 1) filler.push(`Temporary Buyer ${index},T-${index},2025-05-01,2025-05-31,${index + 10}.00,Temporary line ${'x'.repeat(80)}`);
    writeFileSync(join(temp.path, 'filler.csv'), `${filler.join('\n')}\n`);
    const file = services.imports.intake.registerPath(join(temp.path, 'filler.csv'));
    const imported = await services.imports.commit(file.fileId, {});
    await services.imports.undo(imported.importId);

    // Personal data in the privacy tables and old values in rectifications.
    await services.privacy.recordConsent({ customerId: ids.kapoorId, contactId: null, channel: null, purpose: 'payment-reminders', legalBasis: 'consent', action: 'given', noticeVersion: 'v3', effectiveOn: '2026-01-10', method: `Signed form from ${kapoor.name}` });
    await services.privacy.rectify({ customerId: ids.kapoorId, field: 'name', contactId: null, newValue: 'Kapoor Zenith Electricals', reason: 'Name on the GST certificate', requestedOn: null, requestId: null });
    await services.privacy.rectify({ customerId: ids.kapoorId, field: 'name', contactId: null, newValue: kapoor.name, reason: 'Customer asked to keep the old name', requestedOn: null, requestId: null });
    const request = await services.privacy.createRequest({ kind: 'erasure', customerId: ids.kapoorId, receivedOn: '2026-12-01', notes: `Phone call from ${kapoor.name}, ${kapoor.phone}` });
    await services.privacy.updateRequest({ id: request.id, responseText: `Dear ${kapoor.name}, your data will be erased.` });

    const { db } = unlocked.database;
    keptBefore = await db.selectFrom('invoices').select(['invoice_number', 'issue_date', 'due_date', 'amount_minor', 'currency']).where('customer_id', '=', ids.kapoorId).orderBy('invoice_number').execute();
    auditCountBefore = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
  });

  afterAll(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('has a WAL and free pages before erasure', () => {
    const { raw } = services.session.require().database;
    expect(Number(raw.pragma('freelist_count', { simple: true }))).toBeGreaterThan(0);
    expect(statSync(`${ledgerPath}-wal`).size).toBeGreaterThan(0);
  });

  it('finds the customer in a decrypted copy before erasure', () => {
    const plain = decryptedLedgerBytes(ledgerPath, dataKey, temp.path);
    expect(found(plain)).toEqual(needles);
  });

  it('never finds the values in the encrypted files', () => {
    for (const file of rawLedgerFiles(ledgerPath)) expect(found(file.bytes), file.name).toEqual([]);
  });

  it('rejects a confirmation that is not the name', async () => {
    await expect(services.privacy.eraseCustomer(ids.kapoorId, 'Kapoor', null)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await services.privacy.searchCustomers(kapoor.code, 5)).toEqual([{ id: ids.kapoorId, name: kapoor.name, externalRef: kapoor.code, erased: false }]);
  });

  it('erases and says which rule kept what', async () => {
    const result = await services.privacy.eraseCustomer(ids.kapoorId, kapoor.name.toUpperCase(), null);
    expect(result.pseudonym).toMatch(/^Erased customer [0-9a-f]{8}$/);
    expect(result.compacted).toBe(true);
    expect(result.removed).toMatchObject({ customer_contacts: 2, consents: 1, rectifications: 2 });
    const kept = Object.fromEntries(result.kept.map((item) => [item.what, item]));
    expect(kept.invoices?.count).toBe(2);
    expect(kept.invoices?.rule).toContain('Companies Act 2013 s.128(5)');
    expect(kept.payments?.count).toBe(1);
    expect(kept['entries in the request register']?.count).toBe(1);
  });

  it('leaves no value in the ledger, WAL, shared memory or free pages', () => {
    const { raw } = services.session.require().database;
    expect(Number(raw.pragma('freelist_count', { simple: true }))).toBe(0);
    for (const file of rawLedgerFiles(ledgerPath)) expect(found(file.bytes), file.name).toEqual([]);
    const plain = decryptedLedgerBytes(ledgerPath, dataKey, temp.path);
    expect(found(plain)).toEqual([]);
    expect(plain.includes(Buffer.from(bharat.name))).toBe(true);
    expect(plain.includes(Buffer.from(bharat.email))).toBe(true);
  });

  it('keeps invoice numbers, dates and amounts under the pseudonym', async () => {
    const { db } = services.session.require().database;
    const after = await db.selectFrom('invoices').select(['invoice_number', 'issue_date', 'due_date', 'amount_minor', 'currency', 'description']).where('customer_id', '=', ids.kapoorId).orderBy('invoice_number').execute();
    expect(after.map(({ description: _description, ...rest }) => rest)).toEqual(keptBefore);
    expect(after.every((invoice) => invoice.description === null)).toBe(true);
    expect(after.reduce((sum, invoice) => sum + invoice.amount_minor, 0)).toBe(16_800_050);
    const customer = await db.selectFrom('customers').selectAll().where('id', '=', ids.kapoorId).executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ gstin: null, pan: null, address: null, external_ref: null, state_code: null });
    expect(customer.name).toMatch(/^Erased customer /);
    expect(customer.erased_at).not.toBeNull();
  });

  it('writes one audit entry with ids and counts only', async () => {
    const { db } = services.session.require().database;
    const entries = await db.selectFrom('audit_log').selectAll().where('seq', '>', auditCountBefore).execute();
    expect(entries.map((entry) => entry.action)).toEqual(['customer.erased']);
    expect(found(Buffer.from(entries[0]?.details_json ?? ''))).toEqual([]);
    expect(entries[0]?.entity_id).toBe(String(ids.kapoorId));
    expect(await verifyAudit(db)).toBeNull();
  });

  it('refuses to erase the same customer twice', async () => {
    const [customer] = await services.privacy.searchCustomers('Erased customer', 5);
    await expect(services.privacy.eraseCustomer(ids.kapoorId, customer?.name ?? '', null)).rejects.toMatchObject({ code: 'conflict' });
  });
});
