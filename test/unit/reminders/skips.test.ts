import { describe, expect, it } from 'vitest';
import { planReminders } from '../../../core/reminders/planner';
import type { ReminderConsent } from '../../../core/reminders/types';
import { allocation, creditNote, customer, dispute, invoice, mondayMorningIst, payment, planInput, plainSettingsInput, promise } from './fixtures';

// Invoice 1: ₹50,000.00 due 29/12/2025, so on Monday 05/01/2026 it is 7 days overdue and its
// "overdue-7" step is due.
const overdueInvoice = invoice(1, 1, '2025-12-29', 5_000_000);

function plan(overrides: Parameters<typeof planInput>[0] = {}) {
  return planReminders(planInput({ invoices: [overdueInvoice], ...overrides }), mondayMorningIst);
}

describe('paid invoices', () => {
  it('skips an invoice paid in full', () => {
    const result = plan({ payments: [payment(10, 1, '2026-01-02', 5_000_000)], allocations: [allocation(10, 1, 5_000_000)] });
    expect(result.messages).toHaveLength(0);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.reason).toBe('paid');
    expect(result.skipped[0]?.stepId).toBe('overdue-7');
    expect(result.skipped[0]?.message).toBe('Invoice INV-0001 is paid in full, so no reminder is sent.');
  });

  it('skips an invoice settled by a credit note', () => {
    const result = plan({ creditNotes: [creditNote(5, 1, 1, '2026-01-03', 5_000_000)] });
    expect(result.skipped[0]?.reason).toBe('paid');
  });

  it('reminds for the balance of a part payment', () => {
    const result = plan({ payments: [payment(10, 1, '2026-01-02', 2_000_000)], allocations: [allocation(10, 1, 2_000_000)] });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]?.body).toContain('Amount due: ₹30,000.00');
  });

  it('reminds again when the paying cheque bounced', () => {
    const bounced = payment(10, 1, '2026-01-02', 5_000_000, { reversedOn: '2026-01-04' });
    const result = plan({ payments: [bounced], allocations: [allocation(10, 1, 5_000_000)] });
    expect(result.skipped).toHaveLength(0);
    expect(result.messages[0]?.body).toContain('Amount due: ₹50,000.00');
  });
});

describe('disputes', () => {
  it('skips an invoice with an open dispute', () => {
    const result = plan({ disputes: [dispute(3, 1, '2025-12-30')] });
    expect(result.messages).toHaveLength(0);
    expect(result.skipped[0]?.reason).toBe('disputed');
    expect(result.skipped[0]?.message).toContain('30/12/2025');
  });

  it('reminds once the dispute is resolved', () => {
    const result = plan({ disputes: [dispute(3, 1, '2025-12-30', '2026-01-03')] });
    expect(result.skipped).toHaveLength(0);
    expect(result.messages).toHaveLength(1);
  });
});

describe('promises to pay', () => {
  it('skips while a promise for the whole balance is unexpired', () => {
    const result = plan({ promises: [promise(7, 1, 1, '2026-01-10', 5_000_000)] });
    expect(result.messages).toHaveLength(0);
    expect(result.skipped[0]?.reason).toBe('promise-to-pay');
    expect(result.skipped[0]?.message).toContain('10/01/2026');
  });

  it('skips on the promised date itself', () => {
    expect(plan({ promises: [promise(7, 1, 1, '2026-01-05', 5_000_000)] }).skipped[0]?.reason).toBe('promise-to-pay');
  });

  it('reminds once the promised date has passed', () => {
    const result = plan({ promises: [promise(7, 1, 1, '2026-01-04', 5_000_000)] });
    expect(result.skipped).toHaveLength(0);
    expect(result.messages).toHaveLength(1);
  });

  it('reminds when the promise covers only part of the balance', () => {
    const result = plan({ promises: [promise(7, 1, 1, '2026-01-10', 4_999_999)] });
    expect(result.messages).toHaveLength(1);
  });

  it('skips when instalment promises together cover the balance', () => {
    const result = plan({ promises: [promise(7, 1, 1, '2026-01-10', 2_500_000), promise(8, 1, 1, '2026-01-20', 2_500_000)] });
    expect(result.skipped[0]?.reason).toBe('promise-to-pay');
    expect(result.skipped[0]?.message).toContain('20/01/2026');
  });

  it('skips when a promise for no invoice covers the whole account', () => {
    const second = invoice(2, 1, '2025-12-29', 1_000_000);
    const result = planReminders(planInput({ invoices: [overdueInvoice, second], promises: [promise(7, 1, null, '2026-01-10', 6_000_000)] }), mondayMorningIst);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['promise-to-pay', 'promise-to-pay']);
  });

  it('reminds when a promise for no invoice falls short of the account', () => {
    const second = invoice(2, 1, '2025-12-29', 1_000_000);
    const result = planReminders(planInput({ invoices: [overdueInvoice, second], promises: [promise(7, 1, null, '2026-01-10', 5_000_000)] }), mondayMorningIst);
    expect(result.skipped).toHaveLength(0);
    expect(result.messages).toHaveLength(1);
  });
});

describe('consent', () => {
  const twoChannels = {
    ...plainSettingsInput,
    schedules: [{ id: 'plain', name: 'Plain', steps: [{ id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite' as const, channels: ['email' as const, 'whatsapp' as const] }] }],
  };

  it('skips every channel after the customer opted out', () => {
    const consent: ReminderConsent[] = [{ customerId: 1, granted: false }];
    const result = plan({ consent, settingsInput: twoChannels });
    expect(result.messages).toHaveLength(0);
    expect(result.skipped.map((skip) => [skip.channel, skip.reason])).toEqual([['email', 'consent-withdrawn'], ['whatsapp', 'consent-withdrawn']]);
    expect(result.skipped[1]?.message).toBe('The customer has withdrawn consent to payment reminders by WhatsApp, so none is sent for invoice INV-0001.');
  });

  it('skips only the channel withdrawn', () => {
    const consent: ReminderConsent[] = [{ customerId: 1, granted: true }, { customerId: 1, channel: 'whatsapp', granted: false }];
    const result = plan({ consent, settingsInput: twoChannels });
    expect(result.messages.map((message) => message.channel)).toEqual(['email']);
    expect(result.skipped.map((skip) => skip.channel)).toEqual(['whatsapp']);
  });

  it('accepts a lookup function', () => {
    const result = plan({ consent: (_customerId, channel) => channel !== 'email', settingsInput: twoChannels });
    expect(result.messages.map((message) => message.channel)).toEqual(['whatsapp']);
    expect(result.skipped[0]?.reason).toBe('consent-withdrawn');
  });

  it('skips customers without consent when the settings require it', () => {
    const result = plan({ settingsInput: { ...plainSettingsInput, consentRequired: true } });
    expect(result.skipped[0]?.reason).toBe('consent-missing');
    const granted = plan({ consent: [{ customerId: 1, granted: true }], settingsInput: { ...plainSettingsInput, consentRequired: true } });
    expect(granted.messages).toHaveLength(1);
  });
});

describe('addresses and manual customers', () => {
  it('skips WhatsApp for a customer with no phone number and still sends e-mail', () => {
    const noPhone = customer(1, { contacts: [{ kind: 'email', value: 'accounts@kapoor.example', name: null }] });
    const settingsInput = {
      ...plainSettingsInput,
      schedules: [{ id: 'plain', name: 'Plain', steps: [{ id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite' as const, channels: ['email' as const, 'whatsapp' as const] }] }],
    };
    const result = plan({ customers: [noPhone], settingsInput });
    expect(result.messages.map((message) => message.channel)).toEqual(['email']);
    expect(result.messages[0]?.recipients).toEqual([{ address: 'accounts@kapoor.example', name: null }]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.reason).toBe('no-address');
    expect(result.skipped[0]?.message).toBe('The customer has no phone number, so the WhatsApp reminder for invoice INV-0001 is skipped.');
  });

  it('skips e-mail for a customer with no e-mail address', () => {
    const noEmail = customer(1, { contacts: [{ kind: 'phone', value: '+919812345678', name: null }] });
    const result = plan({ customers: [noEmail] });
    expect(result.skipped[0]?.reason).toBe('no-address');
    expect(result.skipped[0]?.channel).toBe('email');
  });

  it('skips a customer set to manual', () => {
    const result = plan({ settingsInput: { ...plainSettingsInput, customers: { '1': { mode: 'manual' } } } });
    expect(result.messages).toHaveLength(0);
    expect(result.skipped[0]?.reason).toBe('manual');
    expect(result.skipped[0]?.stepId).toBe('overdue-7');
  });

  it('skips an invoice whose customer is missing', () => {
    const result = planReminders(planInput({ customers: [], invoices: [overdueInvoice] }), mondayMorningIst);
    expect(result.skipped[0]?.reason).toBe('customer-not-found');
  });
});
