import { describe, expect, it } from 'vitest';
import { planReminders } from '../../../core/reminders/planner';
import { customer, invoice, mondayMorningIst, planInput, plainSettingsInput } from './fixtures';

// Invoice 1 falls due on Monday 05/01/2026, so its "due-date" step is due that day.
const dueToday = [invoice(1, 1, '2026-01-05', 5_000_000)];

function planAt(now: string, settingsInput = plainSettingsInput) {
  return planReminders(planInput({ invoices: dueToday, settingsInput }), now);
}

describe('sending hours in Asia/Kolkata', () => {
  it('defers at 07:59 IST until 08:00 IST the same day', () => {
    const plan = planAt('2026-01-05T02:29:00Z');
    expect(plan.messages).toHaveLength(0);
    expect(plan.deferred).toHaveLength(1);
    expect(plan.deferred[0]?.deferReason).toBe('quiet-hours');
    expect(plan.deferred[0]?.notBefore).toBe('2026-01-05T02:30:00.000Z');
  });

  it('sends at 08:00 IST', () => {
    const plan = planAt('2026-01-05T02:30:00Z');
    expect(plan.deferred).toHaveLength(0);
    expect(plan.messages).toHaveLength(1);
    expect(plan.messages[0]?.status).toBe('due');
    expect(plan.messages[0]?.notBefore).toBeNull();
  });

  it('sends at 18:59 IST', () => {
    expect(planAt('2026-01-05T13:29:00Z').messages).toHaveLength(1);
  });

  it('defers at 19:00 IST until 08:00 IST the next day', () => {
    const plan = planAt('2026-01-05T13:30:00Z');
    expect(plan.messages).toHaveLength(0);
    expect(plan.deferred[0]?.deferReason).toBe('quiet-hours');
    expect(plan.deferred[0]?.notBefore).toBe('2026-01-06T02:30:00.000Z');
  });

  it('uses the customer\'s own time zone', () => {
    // 02:30Z is 08:00 in Kolkata but 21:30 the evening before in New York.
    const settingsInput = { ...plainSettingsInput, customers: { '1': { timeZone: 'America/New_York' } } };
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2026-01-04', 5_000_000)], settingsInput }), '2026-01-05T02:30:00Z');
    expect(plan.deferred[0]?.deferReason).toBe('quiet-hours');
    // Next 08:00 in New York (UTC-5 in January) is 13:00Z on 05/01/2026.
    expect(plan.deferred[0]?.notBefore).toBe('2026-01-05T13:00:00.000Z');
  });
});

describe('weekly off-days and holidays', () => {
  const sundayOff = { ...plainSettingsInput, sendWindow: { weeklyOffDays: [0] } };

  it('defers on Sunday until Monday 08:00 IST', () => {
    // Sunday 04/01/2026, 10:00 IST; the invoice falls due that day.
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2026-01-04', 5_000_000)], settingsInput: sundayOff }), '2026-01-04T04:30:00Z');
    expect(plan.messages).toHaveLength(0);
    expect(plan.deferred[0]?.deferReason).toBe('weekly-off-day');
    expect(plan.deferred[0]?.notBefore).toBe('2026-01-05T02:30:00.000Z');
    expect(plan.deferred[0]?.deferMessage).toContain('Sunday');
  });

  it('defers on a listed holiday past the following Sunday', () => {
    // Saturday 24/01/2026 is a listed holiday, Sunday 25/01 is an off-day and Monday 26/01
    // (Republic Day) is a listed holiday, so the first open time is Tuesday 27/01 08:00 IST.
    const settingsInput = {
      ...plainSettingsInput,
      sendWindow: { weeklyOffDays: [0], holidays: [{ date: '2026-01-24', name: 'Office closed' }, { date: '2026-01-26', name: 'Republic Day' }] },
    };
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2026-01-24', 5_000_000)], settingsInput }), '2026-01-24T06:00:00Z');
    expect(plan.deferred[0]?.deferReason).toBe('holiday');
    expect(plan.deferred[0]?.deferMessage).toContain('Office closed');
    expect(plan.deferred[0]?.notBefore).toBe('2026-01-27T02:30:00.000Z');
  });

  it('sends on a weekday that is not listed', () => {
    const plan = planReminders(planInput({ invoices: dueToday, settingsInput: sundayOff }), mondayMorningIst);
    expect(plan.messages).toHaveLength(1);
  });
});

describe('deferral keeps the message', () => {
  it('renders a deferred message in full', () => {
    const plan = planAt('2026-01-05T02:29:00Z');
    const message = plan.deferred[0];
    expect(message?.idempotencyKeys).toEqual(['1:due-date:0:email']);
    expect(message?.body).toContain('₹50,000.00');
    expect(plan.decisions).toEqual([expect.objectContaining({ invoiceId: 1, status: 'deferred', reason: 'quiet-hours', notBefore: '2026-01-05T02:30:00.000Z' })]);
  });

  it('does not defer for a customer with no step due', () => {
    const plan = planReminders(planInput({ customers: [customer(1)], invoices: [invoice(1, 1, '2026-02-28', 5_000_000)] }), '2026-01-05T02:29:00Z');
    expect(plan.deferred).toHaveLength(0);
    expect(plan.decisions).toHaveLength(0);
  });
});
