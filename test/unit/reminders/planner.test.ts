import { describe, expect, it } from 'vitest';
import { planReminders } from '../../../core/reminders/planner';
import type { SentReminder } from '../../../core/reminders/types';
import { customer, invoice, mondayMorningIst, planInput, plainSettingsInput } from './fixtures';

function sent(idempotencyKey: string, sentAt: string, customerId = 1): SentReminder {
  return { idempotencyKey, customerId, channel: 'email', sentAt };
}

describe('catch-up after the app was closed', () => {
  // Due 20/12/2025; on 05/01/2026 it is 16 days overdue, so the steps at -3, 0, 7 and 15 days
  // have all been reached. Only "before-due" went out before the app was closed.
  const invoices = [invoice(1, 1, '2025-12-20', 5_000_000)];

  it('plans only the latest step reached', () => {
    const plan = planReminders(planInput({ invoices, sent: [sent('1:before-due:0:email', '2025-12-17T05:00:00Z')] }), mondayMorningIst);
    expect(plan.messages).toHaveLength(1);
    expect(plan.messages[0]?.stepId).toBe('overdue-15');
    expect(plan.messages[0]?.idempotencyKeys).toEqual(['1:overdue-15:0:email']);
    expect(plan.decisions).toHaveLength(1);
  });

  it('plans one step per invoice for many invoices', () => {
    const many = [invoice(1, 1, '2025-12-20', 100_000), invoice(2, 1, '2025-12-01', 200_000), invoice(3, 1, '2025-11-01', 300_000)];
    const settingsInput = { ...plainSettingsInput, schedules: [{ ...plainSettingsInput.schedules![0]!, groupInvoices: false }] };
    const plan = planReminders(planInput({ invoices: many, settingsInput }), mondayMorningIst);
    // 16, 35 and 65 days overdue: steps overdue-15, overdue-30 and final (45) + 1 repeat (60).
    expect(plan.messages.map((message) => message.idempotencyKeys)).toEqual([['3:final:1:email'], ['2:overdue-30:0:email'], ['1:overdue-15:0:email']]);
  });

  it('ignores an earlier missed step', () => {
    const plan = planReminders(planInput({ invoices, sent: [sent('1:overdue-15:0:email', '2026-01-04T05:00:00Z')] }), mondayMorningIst);
    expect(plan.messages).toHaveLength(0);
    expect(plan.decisions).toHaveLength(0);
  });

  it('skips a step older than the catch-up window', () => {
    const settingsInput = { ...plainSettingsInput, maxCatchUpDays: 0 };
    const plan = planReminders(planInput({ invoices, settingsInput }), mondayMorningIst);
    expect(plan.messages).toHaveLength(0);
    expect(plan.skipped[0]?.reason).toBe('catch-up-expired');
    expect(plan.skipped[0]?.message).toBe('The reminder for invoice INV-0001 fell due on 04/01/2026, more than 0 days ago, so it is not sent late.');
  });
});

describe('repeats after the last step', () => {
  it('counts repeats every 15 days after the final notice, up to the maximum', () => {
    // Final notice at 45 days after 01/10/2025 is 15/11/2025; repeats on 30/11 and 15/12,
    // and maxCount 2 stops them there even on 05/01/2026.
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-10-01', 100_000)] }), mondayMorningIst);
    expect(plan.messages[0]?.idempotencyKeys).toEqual(['1:final:2:email']);
    expect(plan.messages[0]?.repeatIndex).toBe(2);
    expect(plan.messages[0]?.tone).toBe('final');
  });

  it('sends nothing once the last repeat went out', () => {
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-10-01', 100_000)], sent: [sent('1:final:2:email', '2025-12-15T05:00:00Z')] }), mondayMorningIst);
    expect(plan.messages).toHaveLength(0);
  });
});

describe('idempotency', () => {
  const invoices = [invoice(1, 1, '2025-12-29', 5_000_000), invoice(2, 1, '2026-01-05', 1_000_000)];

  it('never plans a key already sent', () => {
    const first = planReminders(planInput({ invoices }), mondayMorningIst);
    const keys = first.messages.flatMap((message) => message.idempotencyKeys);
    expect(keys).toEqual(['1:overdue-7:0:email', '2:due-date:0:email']);

    const history = keys.map((key) => sent(key, '2026-01-05T04:31:00Z'));
    const second = planReminders(planInput({ invoices, sent: history }), '2026-01-05T05:30:00Z');
    expect(second.messages).toHaveLength(0);
    expect(second.deferred).toHaveLength(0);
    expect(second.skipped).toHaveLength(0);
  });

  it('plans only the invoice whose key is not yet sent', () => {
    const plan = planReminders(planInput({ invoices, sent: [sent('1:overdue-7:0:email', '2026-01-05T04:31:00Z')] }), '2026-01-05T05:30:00Z');
    expect(plan.messages.flatMap((message) => message.idempotencyKeys)).toEqual(['2:due-date:0:email']);
  });

  it('returns the same plan for the same input', () => {
    const input = planInput({ invoices });
    expect(planReminders(input, mondayMorningIst)).toEqual(planReminders(input, mondayMorningIst));
  });
});

describe('grouping', () => {
  const invoices = [invoice(2, 1, '2026-01-05', 1_000_000), invoice(1, 1, '2025-12-29', 5_000_000), invoice(3, 2, '2025-12-29', 700_000)];
  const customers = [customer(1), customer(2)];

  it('sends one message per customer and channel', () => {
    const plan = planReminders(planInput({ customers, invoices }), mondayMorningIst);
    expect(plan.messages).toHaveLength(2);
    const first = plan.messages[0];
    expect(first?.customerId).toBe(1);
    // Invoices are listed oldest due date first, and the oldest one's step picks the template.
    expect(first?.invoiceIds).toEqual([1, 2]);
    expect(first?.idempotencyKeys).toEqual(['1:overdue-7:0:email', '2:due-date:0:email']);
    expect(first?.stepId).toBe('overdue-7');
    expect(first?.subject).toBe('Overdue payment: ₹60,000.00 to Mehta Steel Works');
    expect(first?.body).toContain('INV-0001');
    expect(first?.body).toContain('INV-0002');
    expect(first?.body).toContain('₹60,000.00');
    expect(plan.messages[1]?.invoiceIds).toEqual([3]);
  });

  it('sends one message per invoice when the schedule does not group', () => {
    const settingsInput = { ...plainSettingsInput, schedules: [{ ...plainSettingsInput.schedules![0]!, groupInvoices: false }] };
    const plan = planReminders(planInput({ customers, invoices, settingsInput }), mondayMorningIst);
    expect(plan.messages.map((message) => message.invoiceIds)).toEqual([[2], [1], [3]]);
  });

  it('lets the oldest invoice choose the template', () => {
    const withFirm = [invoice(1, 1, '2025-12-06', 5_000_000), invoice(2, 1, '2026-01-05', 1_000_000)];
    const plan = planReminders(planInput({ invoices: withFirm }), mondayMorningIst);
    expect(plan.messages[0]?.stepId).toBe('overdue-30');
    expect(plan.messages[0]?.subject).toBe('Payment request: ₹60,000.00 overdue since 06/12/2025');
    expect(plan.messages[0]?.attachStatement).toBe(true);
  });
});

describe('weekly cap', () => {
  const settingsInput = { ...plainSettingsInput, weeklyCap: 3 };
  const invoices = [invoice(1, 1, '2025-12-29', 5_000_000)];

  it('defers once 3 reminders went out in the last 7 days', () => {
    const history = [sent('9:a:0:email', '2025-12-30T06:00:00Z'), sent('9:b:0:email', '2026-01-02T06:00:00Z'), sent('9:c:0:email', '2026-01-04T06:00:00Z')];
    const plan = planReminders(planInput({ invoices, sent: history, settingsInput }), mondayMorningIst);
    expect(plan.messages).toHaveLength(0);
    expect(plan.deferred[0]?.deferReason).toBe('weekly-cap');
    // The oldest leaves the window 7 days after 30/12 06:00Z, on 06/01 06:00Z (11:30 IST).
    expect(plan.deferred[0]?.notBefore).toBe('2026-01-06T06:00:00.000Z');
  });

  it('does not count a reminder sent exactly 7 days ago', () => {
    const history = [sent('9:a:0:email', '2025-12-29T04:30:00Z'), sent('9:b:0:email', '2026-01-02T06:00:00Z'), sent('9:c:0:email', '2026-01-04T06:00:00Z')];
    expect(planReminders(planInput({ invoices, sent: history, settingsInput }), mondayMorningIst).messages).toHaveLength(1);
  });

  it('counts a grouped message once', () => {
    // One e-mail for three invoices is stored as three keys with one send time.
    const grouped = ['7:overdue-7:0:email', '8:overdue-7:0:email', '9:overdue-7:0:email'].map((key) => sent(key, '2026-01-02T06:00:00Z'));
    const history = [...grouped, sent('9:b:0:email', '2026-01-04T06:00:00Z')];
    expect(planReminders(planInput({ invoices, sent: history, settingsInput }), mondayMorningIst).messages).toHaveLength(1);
  });

  it('counts only the customer\'s own reminders', () => {
    const history = [1, 2, 3].map((day) => sent(`9:x${day}:0:email`, `2026-01-0${day}T06:00:00Z`, 2));
    expect(planReminders(planInput({ invoices, sent: history, settingsInput }), mondayMorningIst).messages).toHaveLength(1);
  });

  it('sends e-mail first when one slot is left', () => {
    const twoChannels = {
      ...settingsInput,
      schedules: [{ id: 'plain', name: 'Plain', steps: [{ id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite' as const, channels: ['whatsapp' as const, 'email' as const] }] }],
    };
    const history = [sent('9:a:0:email', '2026-01-02T06:00:00Z'), sent('9:b:0:email', '2026-01-04T06:00:00Z')];
    const plan = planReminders(planInput({ invoices, sent: history, settingsInput: twoChannels }), mondayMorningIst);
    expect(plan.messages.map((message) => message.channel)).toEqual(['email']);
    expect(plan.deferred.map((message) => message.channel)).toEqual(['whatsapp']);
    expect(plan.deferred[0]?.notBefore).toBe('2026-01-09T06:00:00.000Z');
  });
});

describe('WhatsApp and SMS messages', () => {
  it('carries a wa.me link with the short text', () => {
    const settingsInput = {
      ...plainSettingsInput,
      schedules: [{ id: 'plain', name: 'Plain', steps: [{ id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite' as const, channels: ['whatsapp' as const, 'sms' as const] }] }],
    };
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-12-29', 5_000_000)], settingsInput }), mondayMorningIst);
    const [whatsapp, sms] = plan.messages;
    expect(whatsapp?.subject).toBe('');
    expect(whatsapp?.recipients).toEqual([{ address: '+919812345678', name: 'Rakesh Sharma' }]);
    expect(whatsapp?.link).toBe(`https://wa.me/919812345678?text=${encodeURIComponent(whatsapp?.body ?? '')}`);
    expect(sms?.link).toBe(`sms:+919812345678?body=${encodeURIComponent(sms?.body ?? '')}`);
    expect(whatsapp?.attachStatement).toBe(false);
  });
});
