import type { Schedule } from './schedule-schema';

/**
 * The shipped schedule. It sends a polite note three days before the due date and one on the
 * due date, overdue reminders at 7, 15 and 30 days and a final notice at 45 days. After that a
 * firm reminder follows every 15 days, three times at most.
 */
export const standardSchedule: Schedule = {
  id: 'standard',
  name: 'Standard',
  steps: [
    { id: 'before-due', offsetDays: -3, templateId: 'upcoming', tone: 'polite', channels: ['email', 'whatsapp'], attachStatement: false },
    { id: 'due-date', offsetDays: 0, templateId: 'due-today', tone: 'neutral', channels: ['email', 'whatsapp'], attachStatement: false },
    { id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite', channels: ['email', 'whatsapp'], attachStatement: false },
    { id: 'overdue-15', offsetDays: 15, templateId: 'overdue-neutral', tone: 'neutral', channels: ['email', 'whatsapp'], attachStatement: true },
    { id: 'overdue-30', offsetDays: 30, templateId: 'overdue-firm', tone: 'firm', channels: ['email', 'whatsapp', 'sms'], attachStatement: true },
  ],
  finalNotice: { id: 'final', offsetDays: 45, templateId: 'final-notice', tone: 'final', channels: ['email', 'whatsapp', 'sms'], attachStatement: true },
  repeat: { everyDays: 15, maxCount: 3, templateId: 'overdue-firm', tone: 'firm', channels: ['email', 'whatsapp'] },
  groupInvoices: true,
};

/**
 * A shorter schedule for high-risk customers (bands D and E by default): reminders start a week
 * before the due date and come closer together.
 */
export const closeFollowUpSchedule: Schedule = {
  id: 'close-follow-up',
  name: 'Close follow-up',
  steps: [
    { id: 'before-due', offsetDays: -7, templateId: 'upcoming', tone: 'polite', channels: ['email', 'whatsapp'], attachStatement: false },
    { id: 'due-date', offsetDays: 0, templateId: 'due-today', tone: 'neutral', channels: ['email', 'whatsapp'], attachStatement: false },
    { id: 'overdue-3', offsetDays: 3, templateId: 'overdue-polite', tone: 'polite', channels: ['email', 'whatsapp'], attachStatement: false },
    { id: 'overdue-10', offsetDays: 10, templateId: 'overdue-neutral', tone: 'neutral', channels: ['email', 'whatsapp'], attachStatement: true },
    { id: 'overdue-20', offsetDays: 20, templateId: 'overdue-firm', tone: 'firm', channels: ['email', 'whatsapp', 'sms'], attachStatement: true },
  ],
  finalNotice: { id: 'final', offsetDays: 30, templateId: 'final-notice', tone: 'final', channels: ['email', 'whatsapp', 'sms'], attachStatement: true },
  repeat: { everyDays: 10, maxCount: 3, templateId: 'overdue-firm', tone: 'firm', channels: ['email', 'whatsapp'] },
  groupInvoices: true,
};
