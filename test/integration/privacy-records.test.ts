import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/services/index';
import { verifyAudit } from '../../main/services/audit';
import { ledgerFingerprint } from '../support/fingerprint';
import { bharat, importPrivacyLedger, kapoor } from '../support/privacy-ledger';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

const given = { contactId: null, channel: null, purpose: 'payment-reminders', legalBasis: 'consent', action: 'given', noticeVersion: 'v2', effectiveOn: '2026-10-01', method: 'Signed credit application' } as const;

describe('consent, requests, rectification, retention and backups', () => {
  const temp = makeTempDir('duewatch-privacy-');
  let services: Services;
  let ids: { kapoorId: number; bharatId: number };

  beforeAll(async () => {
    services = createTestServices(temp.path);
    await services.ledgers.create('Records', testPassphrase);
    ids = await importPrivacyLedger(services, temp.path, 3);
  });

  afterAll(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('reports reminders as missing before any record', async () => {
    expect(await services.privacy.allowsReminders(ids.kapoorId, 'email')).toMatchObject({ allowed: false, state: 'missing' });
    expect(await services.privacy.reminderConsents([ids.kapoorId])).toEqual([]);
  });

  it('records consent and a withdrawal as separate records', async () => {
    await services.privacy.recordConsent({ ...given, customerId: ids.kapoorId });
    expect(await services.privacy.allowsReminders(ids.kapoorId, 'sms')).toMatchObject({ allowed: true, state: 'granted', reason: 'consent given on 2026-10-01' });
    const listing = await services.privacy.consents(ids.kapoorId);
    const email = listing.contacts.find((contact) => contact.kind === 'email');
    await services.privacy.recordConsent({ ...given, customerId: ids.kapoorId, contactId: email?.id ?? null, action: 'withdrawn', effectiveOn: '2026-11-15', method: 'Reply to a reminder e-mail' });
    expect(await services.privacy.allowsReminders(ids.kapoorId, 'email')).toMatchObject({ allowed: false, state: 'withdrawn', reason: 'consent withdrawn on 2026-11-15' });
    expect(await services.privacy.allowsReminders(ids.kapoorId, 'whatsapp')).toMatchObject({ allowed: true });
    expect(await services.privacy.reminderConsents([ids.kapoorId, ids.bharatId])).toEqual([
      { customerId: ids.kapoorId, channel: 'email', granted: false },
      { customerId: ids.kapoorId, channel: 'whatsapp', granted: true },
      { customerId: ids.kapoorId, channel: 'sms', granted: true },
    ]);
    expect((await services.privacy.consents(ids.kapoorId)).records).toHaveLength(2);
  });

  it('rejects a channel the contact cannot carry and a future date', async () => {
    const listing = await services.privacy.consents(ids.kapoorId);
    const email = listing.contacts.find((contact) => contact.kind === 'email');
    await expect(services.privacy.recordConsent({ ...given, customerId: ids.kapoorId, contactId: email?.id ?? null, channel: 'sms' })).rejects.toThrow(/cannot carry sms/);
    await expect(services.privacy.recordConsent({ ...given, customerId: ids.kapoorId, effectiveOn: '2027-01-01' })).rejects.toThrow(/2027-01-01 is in the future/);
  });

  it('corrects a record and keeps the original in the history', async () => {
    const before = await services.privacy.consents(ids.kapoorId);
    const first = before.records.at(-1);
    const corrected = await services.privacy.correctConsent({ ...given, consentId: first?.id ?? 0, noticeVersion: 'v2.1' });
    expect(corrected.replacesId).toBe(first?.id);
    const after = await services.privacy.consents(ids.kapoorId);
    expect(after.records.find((record) => record.id === first?.id)?.replaced).toBe(true);
    expect(after.current.map((record) => record.noticeVersion)).toContain('v2.1');
    await expect(services.privacy.correctConsent({ ...given, consentId: first?.id ?? 0 })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('imports a consent register all or nothing', async () => {
    const { db } = services.session.require().database;
    const bad = `Customer,Contact,Purpose,Basis,Notice version,Date,Action\n${bharat.code},${bharat.email},marketing,consent,v1,01/09/2026,given\nNobody Ltd,,marketing,consent,v1,2026-09-01,given\n`;
    const preview = await services.privacy.previewConsentImport(bad);
    expect(preview.canCommit).toBe(false);
    expect(preview.rows[0]?.problems).toEqual([]);
    expect(preview.rows[0]?.effectiveOn).toBe('2026-09-01');
    expect(preview.rows[1]?.problems).toEqual(['No customer has the code or name "Nobody Ltd".']);
    const fingerprint = await ledgerFingerprint(db);
    await expect(services.privacy.commitConsentImport(bad)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await ledgerFingerprint(db)).toBe(fingerprint);

    const good = `Customer,Contact,Purpose,Basis,Notice version,Date,Action,Method\n${bharat.name},${bharat.phone},payment-reminders,contract,v1,2026-09-01,given,Clause 9 of the supply contract\n${bharat.code},,marketing,consent,v1,2026-09-02,withdrawn,Phone call\n`;
    expect((await services.privacy.previewConsentImport(good)).canCommit).toBe(true);
    expect(await services.privacy.commitConsentImport(good)).toEqual({ imported: 2 });
    expect(await services.privacy.allowsReminders(ids.bharatId, 'whatsapp')).toMatchObject({ allowed: true, reason: 'legal basis contract, recorded on 2026-09-01' });
    expect(await services.privacy.allowsReminders(ids.bharatId, 'email')).toMatchObject({ state: 'missing' });
  });

  it('keeps a rectification with old and new value and audits it by id', async () => {
    const result = await services.privacy.rectify({ customerId: ids.bharatId, field: 'address', contactId: null, newValue: 'Hazratganj, Lucknow', reason: 'Moved office', requestedOn: '2026-12-01', requestId: null });
    expect(result).toMatchObject({ oldValue: 'Aminabad, Lucknow', newValue: 'Hazratganj, Lucknow' });
    expect((await services.customers.get(ids.bharatId)).address).toBe('Hazratganj, Lucknow');
    const { db } = services.session.require().database;
    const entry = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.action).toBe('customer.rectified');
    expect(JSON.parse(entry.details_json)).toEqual({ rectificationId: result.rectificationId, requestId: null });
    await expect(services.privacy.rectify({ customerId: ids.bharatId, field: 'gstin', contactId: null, newValue: '27AAPFU0939F1ZA', reason: 'Typo', requestedOn: null, requestId: null })).rejects.toThrow(/27AAPFU0939F1ZA/);
  });

  it('registers requests with due dates from the settings', async () => {
    const access = await services.privacy.createRequest({ kind: 'access', customerId: ids.bharatId, receivedOn: '2026-10-31', notes: null });
    expect(access.dueOn).toBe('2026-11-30');
    expect(access.overdue).toBe(true);
    const grievance = await services.privacy.createRequest({ kind: 'grievance', customerId: null, receivedOn: '2026-12-01', notes: null });
    expect(grievance.dueOn).toBe('2027-03-01');
    const extended = await services.privacy.updateRequest({ id: access.id, status: 'extended' });
    expect(extended.dueOn).toBe('2027-01-31');
    await expect(services.privacy.updateRequest({ id: access.id, status: 'completed' })).rejects.toThrow(/date the response was sent/);
    const done = await services.privacy.updateRequest({ id: access.id, status: 'completed', responseSentOn: '2026-12-03', responseText: 'Export sent by e-mail.' });
    expect(done).toMatchObject({ status: 'completed', overdue: false });
    await services.privacy.updateSettings({ deadlines: { responseMonths: 1, extensionMonths: 2, grievanceDays: 30 } });
    expect((await services.privacy.createRequest({ kind: 'grievance', customerId: null, receivedOn: '2026-12-01', notes: null })).dueOn).toBe('2026-12-31');
  });

  it('previews retention before erasing and then erases what it listed', async () => {
    await expect(services.privacy.updateSettings({ retention: { 'settled-invoices': { enabled: true, years: 5 }, 'inactive-contacts': { enabled: false, years: 3 }, 'reminder-history': { enabled: false, years: 3 }, scores: { enabled: false, years: 2 } } })).rejects.toThrow(/8 years/);
    await services.privacy.updateSettings({ retention: { 'settled-invoices': { enabled: false, years: 8 }, 'inactive-contacts': { enabled: true, years: 1 }, 'reminder-history': { enabled: true, years: 1 }, scores: { enabled: true, years: 1 } } });
    const { db } = services.session.require().database;
    await db.updateTable('invoices').set({ issue_date: '2024-01-05', due_date: '2024-02-04' }).where('customer_id', '=', ids.bharatId).execute();
    await db.updateTable('payments').set({ payment_date: '2024-02-01' }).where('customer_id', '=', ids.bharatId).execute();
    const fingerprint = await ledgerFingerprint(db);
    const preview = await services.privacy.previewRetention(100);
    expect(await ledgerFingerprint(db)).toBe(fingerprint);
    expect(preview.counts['inactive-contacts']).toBe(2);
    expect(preview.items.filter((item) => item.category === 'inactive-contacts').every((item) => item.customerId === ids.bharatId)).toBe(true);
    const result = await services.privacy.runRetention();
    expect(result.removed.customer_contacts).toBe(2);
    expect((await services.customers.get(ids.bharatId)).contacts).toEqual([]);
    expect((await services.customers.get(ids.kapoorId)).contacts).toHaveLength(2);
    expect((await services.privacy.settings()).lastRetentionRun).toBe('2026-12-04T10:00:00.000Z');
    expect(await verifyAudit(db)).toBeNull();
  });

  it('backs up with a passphrase and restores into a new ledger', async () => {
    const { db } = services.session.require().database;
    const backup = await services.privacy.createBackup('saffron backup passphrase 7');
    expect(readFileSync(backup.path).includes(Buffer.from(kapoor.name))).toBe(false);
    await expect(services.privacy.restoreBackup({ backupPath: backup.path, backupPassphrase: 'the wrong passphrase', name: 'Restored', newPassphrase: 'restored ledger passphrase 1' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    const tampered = readFileSync(backup.path);
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0xff;
    writeFileSync(join(temp.path, 'tampered.duewatch-backup'), tampered);
    await expect(services.privacy.restoreBackup({ backupPath: join(temp.path, 'tampered.duewatch-backup'), backupPassphrase: 'saffron backup passphrase 7', name: 'Tampered', newPassphrase: 'restored ledger passphrase 1' })).rejects.toMatchObject({ code: 'wrong_passphrase' });

    const restored = await services.privacy.restoreBackup({ backupPath: backup.path, backupPassphrase: 'saffron backup passphrase 7', name: 'Restored', newPassphrase: 'restored ledger passphrase 1' });
    expect(restored.rows).toBe(backup.rows);
    const original = await ledgerFingerprint(db);
    const restoredServices = createTestServices(join(temp.path, 'other'));
    try {
      await restoredServices.ledgers.unlockPath(restored.ledger.path, 'restored ledger passphrase 1');
      const copy = restoredServices.session.require().database.db;
      expect(await verifyAudit(copy)).toBeNull();
      const actions = await copy.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(3).execute();
      expect(actions.map((row) => row.action)).toEqual(['ledger.unlocked', 'ledger.restored', 'ledger.backed_up']);
      expect((await restoredServices.customers.get(ids.kapoorId)).name).toBe(kapoor.name);
      const count = async (table: 'invoices' | 'consents' | 'privacy_requests') => Number((await copy.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const countOriginal = async (table: 'invoices' | 'consents' | 'privacy_requests') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      for (const table of ['invoices', 'consents', 'privacy_requests'] as const) expect(await count(table), table).toBe(await countOriginal(table));
    } finally {
      await restoredServices.shutdown();
    }
    expect(await ledgerFingerprint(db)).toBe(original);
  });
});
