import { describe, expect, it } from 'vitest';
import { currentConsents, decideReminders, toReminderConsents, type ConsentRecord } from '../../../core/privacy/consent';
import { planConsentImport } from '../../../core/privacy/consent-csv';
import { erasedCustomerName } from '../../../core/privacy/erasure-rules';
import { addMonths, isOverdue, requestDueDate, defaultRequestDeadlines } from '../../../core/privacy/requests';
import { defaultRetentionSettings, retentionCutoff, retentionProblems } from '../../../core/privacy/retention';
import { renderSubjectHtml, toCsv } from '../../../core/privacy/subject-export';

let nextId = 1;
function record(fields: Partial<ConsentRecord>): ConsentRecord {
  const id = fields.id ?? nextId++;
  return { id, customerId: 1, contactId: null, channel: null, purpose: 'payment-reminders', legalBasis: 'consent', action: 'given', noticeVersion: 'v1', effectiveOn: '2026-01-01', method: 'form', replacesId: null, recordedAt: '2026-01-01T00:00:00Z', ...fields };
}

const contacts = [{ id: 10, kind: 'email' as const }, { id: 11, kind: 'phone' as const }];

describe('consent decisions', () => {
  it('reports a missing basis', () => {
    expect(decideReminders([], contacts, 'email')).toMatchObject({ allowed: false, state: 'missing' });
  });

  it('lets a later withdrawal replace a grant', () => {
    const records = [record({ effectiveOn: '2026-01-01' }), record({ action: 'withdrawn', effectiveOn: '2026-02-01' })];
    expect(decideReminders(records, contacts, 'sms')).toMatchObject({ allowed: false, state: 'withdrawn', reason: 'consent withdrawn on 2026-02-01' });
  });

  it('orders by effective date, not by entry order', () => {
    const records = [record({ action: 'withdrawn', effectiveOn: '2026-03-01' }), record({ effectiveOn: '2026-02-01' })];
    expect(decideReminders(records, contacts, 'email').allowed).toBe(false);
  });

  it('prefers a contact record over a customer-wide one', () => {
    const records = [record({ action: 'withdrawn' }), record({ contactId: 11, effectiveOn: '2026-01-02' })];
    expect(decideReminders(records, contacts, 'whatsapp').allowed).toBe(true);
    expect(decideReminders(records, contacts, 'email').allowed).toBe(false);
  });

  it('ignores other purposes and replaced records', () => {
    const original = record({ action: 'withdrawn' });
    const records = [original, record({ replacesId: original.id }), record({ purpose: 'marketing', action: 'withdrawn', effectiveOn: '2026-05-01' })];
    expect(currentConsents(records).map((item) => item.purpose).sort()).toEqual(['marketing', 'payment-reminders']);
    expect(decideReminders(records, contacts, 'email').allowed).toBe(true);
  });

  it('allows reminders on a contract basis until an objection', () => {
    const granted = [record({ legalBasis: 'contract' })];
    expect(decideReminders(granted, contacts, 'email')).toMatchObject({ allowed: true, reason: 'legal basis contract, recorded on 2026-01-01' });
    const objected = [...granted, record({ legalBasis: 'contract', action: 'withdrawn', effectiveOn: '2026-04-01' })];
    expect(decideReminders(objected, contacts, 'email').reason).toBe('objection to processing on legal basis contract, recorded on 2026-04-01');
  });

  it('builds reminder-engine records only where a decision exists', () => {
    const records = new Map([[1, [record({ channel: 'email', action: 'withdrawn' })]]]);
    expect(toReminderConsents([1, 2], records, new Map([[1, contacts]]))).toEqual([{ customerId: 1, channel: 'email', granted: false }]);
  });
});

describe('consent CSV', () => {
  const customers = [
    { id: 1, externalRef: 'KAP-01', name: 'Kapoor Electricals', contacts: [{ id: 5, kind: 'email' as const, value: 'a@kapoor.example' }] },
    { id: 2, externalRef: null, name: 'Bharat Stores', contacts: [] },
    { id: 3, externalRef: null, name: 'Bharat Stores Pvt Ltd', contacts: [] },
  ];

  it('names the missing columns', () => {
    expect(planConsentImport('Customer,Date\nKAP-01,2026-01-01\n', customers).fileProblems[0]).toContain('purpose, basis, action');
  });

  it('matches by code or name and reads Indian dates', () => {
    const plan = planConsentImport('\uFEFFcustomer code;contact;purpose;legal basis;notice version;date;given/withdrawn\nkap-01;A@Kapoor.example;reminders;Contract;v4;31/01/2026;Withdraw\n', customers);
    expect(plan.rows[0]).toMatchObject({ customerId: 1, contactId: 5, purpose: 'payment-reminders', legalBasis: 'contract', action: 'withdrawn', effectiveOn: '2026-01-31', noticeVersion: 'v4', problems: [] });
  });

  it('reports ambiguous names and unknown values', () => {
    const plan = planConsentImport('Customer,Purpose,Basis,Date,Action\nBharat Stores,spam,maybe,2026-02-30,perhaps\n', customers);
    expect(plan.rows[0]?.problems).toEqual([
      '"Bharat Stores" matches 2 customers: use the customer code instead.',
      'Purpose "spam" is not one of payment-reminders, credit-assessment, bureau-checks, marketing.',
      'Legal basis "maybe" is not one of consent, contract, legal-obligation, enforcing-a-claim.',
      '"perhaps" is neither given nor withdrawn.',
      'Date "2026-02-30" is not a date: write it as YYYY-MM-DD or DD/MM/YYYY.',
    ]);
  });
});

describe('request deadlines', () => {
  it('adds calendar months and clamps to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -12 * 8)).toBe('2018-03-31');
  });

  it('gives one month, three when extended, and 90 days for grievances', () => {
    expect(requestDueDate('erasure', '2026-05-10', defaultRequestDeadlines)).toBe('2026-06-10');
    expect(requestDueDate('erasure', '2026-05-10', defaultRequestDeadlines, true)).toBe('2026-08-10');
    expect(requestDueDate('grievance', '2026-05-10', defaultRequestDeadlines)).toBe('2026-08-08');
    expect(isOverdue('open', '2026-06-10', '2026-06-11')).toBe(true);
    expect(isOverdue('completed', '2026-06-10', '2026-06-11')).toBe(false);
  });
});

describe('retention settings', () => {
  it('keeps settled invoices at least eight years', () => {
    expect(retentionProblems(defaultRetentionSettings)).toEqual([]);
    expect(retentionProblems({ ...defaultRetentionSettings, 'settled-invoices': { enabled: true, years: 7 } })[0]).toContain('Companies Act 2013 s.128(5)');
    expect(retentionCutoff('2026-12-04', 8)).toBe('2018-12-04');
  });
});

describe('export files', () => {
  it('escapes formulas and quotes in CSV cells', () => {
    const csv = toCsv([{ name: '=HYPERLINK("http://x","y")', note: 'a, b', amount_minor: -1250, empty: null }]);
    expect(csv).toBe('name,note,amount_minor,empty\r\n"\'=HYPERLINK(""http://x"",""y"")","a, b",-1250,\r\n');
  });

  it('escapes HTML and formats money', () => {
    const html = renderSubjectHtml({ format: 'duewatch-subject-export', version: 1, generatedAt: '2026-12-04', customerId: 7, customer: { name: '<script>alert(1)</script>' }, sections: [{ name: 'invoices', title: 'Invoices', columns: ['amount_minor', 'currency'], rows: [{ amount_minor: 10000050, currency: 'INR' }] }] }, 'Shop & Co');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('₹1,00,000.50');
    expect(html).toContain("default-src 'none'");
  });

  it('names an erased customer by a short pseudonym', () => {
    expect(erasedCustomerName('7f3a1c2d9e')).toBe('Erased customer 7f3a1c2d');
    expect(() => erasedCustomerName('xyz')).toThrow(RangeError);
  });
});
