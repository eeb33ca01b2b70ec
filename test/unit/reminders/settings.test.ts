import { describe, expect, it } from 'vitest';
import { resolveCustomerProfile } from '../../../core/reminders/schedules';
import { parseReminderSettings, reminderSettingsSchema } from '../../../core/reminders/settings';
import { customer } from './fixtures';

function issues(input: unknown): string[] {
  const result = reminderSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const step = (id: string, offsetDays: number, tone: 'polite' | 'final' = 'polite') => ({ id, offsetDays, templateId: 'overdue-polite', tone, channels: ['email'] });

describe('reminder settings', () => {
  it('fills the defaults', () => {
    const settings = parseReminderSettings({});
    expect(settings.sendWindow).toEqual({ sendingHours: { start: '08:00', end: '19:00' }, weeklyOffDays: [0], holidays: [] });
    expect(settings.defaultTimeZone).toBe('Asia/Kolkata');
    expect(settings.defaultLanguage).toBe('en');
    expect(settings.weeklyCap).toBe(3);
    expect(settings.lateFee).toEqual({ kind: 'none' });
    expect(settings.schedules.map((schedule) => schedule.id)).toEqual(['standard', 'close-follow-up']);
  });

  it('rejects steps out of order and duplicate ids', () => {
    const schedule = { id: 's', name: 'S', steps: [step('a', 7), step('a', 3)] };
    expect(issues({ schedules: [schedule], assignment: { defaultScheduleId: 's' } })).toEqual([
      'schedules.0.steps.1.id: Step id "a" is used twice. Give each step its own id.',
      'schedules.0.steps.1.offsetDays: Step "a" (day 3) must come after step "a" (day 7).',
    ]);
  });

  it('requires the final notice to be last and final in tone', () => {
    const schedule = { id: 's', name: 'S', steps: [step('a', 7)], finalNotice: step('z', 5) };
    expect(issues({ schedules: [schedule], assignment: { defaultScheduleId: 's' } })).toEqual([
      'schedules.0.steps.1.offsetDays: Step "z" (day 5) must come after step "a" (day 7).',
      'schedules.0.finalNotice.tone: The final notice must have the tone "final".',
    ]);
  });

  it('rejects references to missing schedules, languages and templates', () => {
    const schedule = { id: 's', name: 'S', steps: [{ ...step('a', 7), templateId: 'no-such-template' }] };
    expect(issues({
      schedules: [schedule],
      assignment: { defaultScheduleId: 's', byBand: { E: 'strict' } },
      customers: { '7': { language: 'fr' } },
    })).toEqual([
      'assignment.byBand.E: Schedule "strict" does not exist.',
      'customers.7.language: Language "fr" does not exist; add it under languages first.',
      'schedules.0: Schedule "s" uses template "no-such-template", which the default language "en" does not have.',
    ]);
  });

  it('rejects invalid hours, off-days, time zones and bank details', () => {
    expect(issues({ sendWindow: { sendingHours: { start: '19:00', end: '08:00' } } })).toEqual(['sendWindow.sendingHours: The sending hours must start before they end.']);
    expect(issues({ sendWindow: { weeklyOffDays: [0, 1, 2, 3, 4, 5, 6] } })).toHaveLength(1);
    expect(issues({ defaultTimeZone: 'India/Mumbai' })).toEqual(['defaultTimeZone: Use an IANA time zone such as Asia/Kolkata.']);
    expect(issues({ business: { ifsc: 'HDFC1234567' } })).toEqual(['business.ifsc: An IFSC has 11 characters: 4 letters, a zero, then 6 letters or digits.']);
    expect(issues({ business: { ifsc: 'hdfc0001234', upiId: 'shop@okaxis' } })).toEqual([]);
  });
});

describe('schedule assignment', () => {
  const settings = parseReminderSettings({
    assignment: { defaultScheduleId: 'standard', bySegment: { Government: 'standard' }, byBand: { E: 'close-follow-up' } },
    customers: { '3': { scheduleId: 'close-follow-up' }, '4': { mode: 'manual' } },
  });

  it('uses the default schedule', () => {
    expect(resolveCustomerProfile(settings, customer(1), 'A').schedule.id).toBe('standard');
  });

  it('uses the band schedule', () => {
    expect(resolveCustomerProfile(settings, customer(1), 'E').schedule.id).toBe('close-follow-up');
  });

  it('ranks the segment above the band', () => {
    expect(resolveCustomerProfile(settings, customer(2, { segment: 'Government' }), 'E').schedule.id).toBe('standard');
  });

  it('ranks the customer\'s own choice first', () => {
    expect(resolveCustomerProfile(settings, customer(3, { segment: 'Government' }), 'A').schedule.id).toBe('close-follow-up');
  });

  it('marks a manual customer', () => {
    const profile = resolveCustomerProfile(settings, customer(4), null);
    expect(profile.manual).toBe(true);
    expect(profile.timeZone).toBe('Asia/Kolkata');
    expect(profile.language).toBe('en');
  });
});
