import type { Allocation, Contact, CreditNote, Customer, Dispute, Invoice, Payment, PromiseToPay } from '../../../core/ledger/types';
import { parseReminderSettings, type ReminderSettingsInput } from '../../../core/reminders/settings';
import type { ReminderPlanInput } from '../../../core/reminders/planner';

/**
 * Fixed instants for the planner tests. 2026-01-05 is a Monday; Asia/Kolkata is UTC+05:30, so
 * 08:00 IST is 02:30Z and 19:00 IST is 13:30Z.
 */
export const mondayMorningIst = '2026-01-05T04:30:00Z'; // 10:00 IST, Monday 05/01/2026

export function customer(id: number, overrides: Partial<Customer> = {}): Customer {
  const contacts: Contact[] = [
    { kind: 'email', value: `accounts${id}@example.in`, name: 'Rakesh Sharma' },
    { kind: 'phone', value: '+919812345678', name: 'Rakesh Sharma' },
  ];
  return {
    id,
    externalRef: null,
    name: `Sharma Traders ${id}`,
    gstin: null,
    pan: null,
    cin: null,
    address: null,
    segment: null,
    creditLimitMinor: null,
    creditLimitCurrency: null,
    paymentTermsDays: 30,
    contacts,
    ...overrides,
  };
}

export function invoice(id: number, customerId: number, dueDate: string, amountMinor: number, overrides: Partial<Invoice> = {}): Invoice {
  return {
    id,
    customerId,
    invoiceNumber: `INV-${String(id).padStart(4, '0')}`,
    issueDate: '2025-11-01',
    dueDate,
    amountMinor,
    currency: 'INR',
    description: null,
    ...overrides,
  };
}

export function payment(id: number, customerId: number, paymentDate: string, amountMinor: number, overrides: Partial<Payment> = {}): Payment {
  return { id, customerId, paymentDate, amountMinor, currency: 'INR', reference: `UTR${id}`, reversedOn: null, ...overrides };
}

export function allocation(paymentId: number, invoiceId: number, amountMinor: number): Allocation {
  return { paymentId, invoiceId, amountMinor };
}

export function creditNote(id: number, customerId: number, invoiceId: number | null, issueDate: string, amountMinor: number): CreditNote {
  return { id, customerId, invoiceId, noteNumber: `CN-${id}`, issueDate, amountMinor, currency: 'INR' };
}

export function dispute(id: number, invoiceId: number, openedOn: string, resolvedOn: string | null = null): Dispute {
  return { id, invoiceId, openedOn, resolvedOn };
}

export function promise(id: number, customerId: number, invoiceId: number | null, promisedDate: string, amountMinor: number, madeOn = '2026-01-02'): PromiseToPay {
  return { id, customerId, invoiceId, promisedDate, amountMinor, currency: 'INR', madeOn };
}

/**
 * A single-channel schedule (e-mail only) with no weekly cap and no off-days, so each test
 * turns on only the rule it checks.
 */
export const plainSettingsInput: ReminderSettingsInput = {
  schedules: [{
    id: 'plain',
    name: 'Plain',
    steps: [
      { id: 'before-due', offsetDays: -3, templateId: 'upcoming', tone: 'polite', channels: ['email'] },
      { id: 'due-date', offsetDays: 0, templateId: 'due-today', tone: 'neutral', channels: ['email'] },
      { id: 'overdue-7', offsetDays: 7, templateId: 'overdue-polite', tone: 'polite', channels: ['email'] },
      { id: 'overdue-15', offsetDays: 15, templateId: 'overdue-neutral', tone: 'neutral', channels: ['email'] },
      { id: 'overdue-30', offsetDays: 30, templateId: 'overdue-firm', tone: 'firm', channels: ['email'], attachStatement: true },
    ],
    finalNotice: { id: 'final', offsetDays: 45, templateId: 'final-notice', tone: 'final', channels: ['email'], attachStatement: true },
    repeat: { everyDays: 15, maxCount: 2 },
  }],
  assignment: { defaultScheduleId: 'plain' },
  weeklyCap: null,
  maxCatchUpDays: null,
  sendWindow: { weeklyOffDays: [] },
  business: { name: 'Mehta Steel Works', upiId: 'mehtasteel@okhdfcbank' },
};

export function planInput(overrides: Partial<ReminderPlanInput> & { settingsInput?: ReminderSettingsInput } = {}): ReminderPlanInput {
  const { settingsInput, ...rest } = overrides;
  return {
    settings: parseReminderSettings(settingsInput ?? plainSettingsInput),
    customers: [customer(1)],
    invoices: [],
    payments: [],
    allocations: [],
    creditNotes: [],
    disputes: [],
    promises: [],
    sent: [],
    consent: [],
    ...rest,
  };
}
