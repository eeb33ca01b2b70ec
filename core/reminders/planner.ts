import type { IsoDate } from '../ledger/dates';
import type { Allocation, CreditNote, Customer, Dispute, Invoice, Payment, PromiseToPay } from '../ledger/types';
import { invoiceBalances } from './balances';
import { createConsentLookup } from './eligibility';
import { evaluateInvoice, type DueItem, type EvaluationContext } from './invoice-evaluation';
import { parseInstant, toLocalDateTime } from './local-time';
import { groupItems, renderMessage, type MessageEnvironment } from './messages';
import { latestOccurrence, resolveCustomerProfile, type CustomerProfile } from './schedules';
import type { ReminderSettings } from './settings';
import { skipMessage } from './skip-messages';
import { resolveLanguagePacks } from './templates/packs';
import { applyTiming, weekMilliseconds } from './timing';
import type { Band, ConsentLookup, PlannedMessage, ReminderConsent, ReminderDecision, ReminderPlan, SentReminder, SkipRecord } from './types';

export interface ReminderPlanInput {
  /** Settings parsed with parseReminderSettings. */
  readonly settings: ReminderSettings;
  readonly customers: readonly Customer[];
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
  readonly allocations: readonly Allocation[];
  readonly creditNotes: readonly CreditNote[];
  readonly disputes: readonly Dispute[];
  readonly promises: readonly PromiseToPay[];
  /** Reminders already sent or queued, with their idempotency keys. */
  readonly sent: readonly SentReminder[];
  readonly consent: readonly ReminderConsent[] | ConsentLookup;
  /** Risk band per customer id, for schedules assigned by band. */
  readonly bands?: ReadonlyMap<number, Band>;
}

interface PlanState {
  readonly input: ReminderPlanInput;
  readonly now: number;
  readonly packs: MessageEnvironment['packs'];
  readonly consent: ConsentLookup;
  readonly sentKeys: ReadonlySet<string>;
  readonly disputesByInvoice: ReadonlyMap<number, readonly Dispute[]>;
  readonly balancesByDate: Map<IsoDate, ReadonlyMap<number, number>>;
}

function groupBy<T>(values: readonly T[], key: (value: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const value of values) {
    const group = groups.get(key(value)) ?? [];
    group.push(value);
    groups.set(key(value), group);
  }
  return groups;
}

/** Balances are computed once per local date, because customers in one time zone share it. */
function balancesOn(state: PlanState, date: IsoDate): ReadonlyMap<number, number> {
  let balances = state.balancesByDate.get(date);
  if (balances === undefined) {
    const { invoices, payments, allocations, creditNotes } = state.input;
    balances = invoiceBalances(invoices, payments, allocations, creditNotes, date);
    state.balancesByDate.set(date, balances);
  }
  return balances;
}

/**
 * Plans the payment reminders due at `now` (an ISO 8601 instant). For each open invoice it
 * takes the latest schedule step reached and, unless that step was already sent, plans it as
 * part of a message that is due, deferred (sending hours, off-day, holiday or weekly cap) or
 * skipped with a reason. The plan never contains an idempotency key listed in `input.sent`, so
 * planning twice sends nothing twice.
 */
export function planReminders(input: ReminderPlanInput, now: string): ReminderPlan {
  const state: PlanState = {
    input,
    now: parseInstant(now),
    packs: resolveLanguagePacks(input.settings.languages).packs,
    consent: typeof input.consent === 'function' ? input.consent : createConsentLookup(input.consent),
    sentKeys: new Set(input.sent.map((record) => record.idempotencyKey)),
    disputesByInvoice: groupBy(input.disputes, (dispute) => dispute.invoiceId),
    balancesByDate: new Map(),
  };
  const invoicesByCustomer = groupBy(input.invoices, (invoice) => invoice.customerId);
  const promisesByCustomer = groupBy(input.promises, (promise) => promise.customerId);
  const sentByCustomer = groupBy(input.sent, (record) => record.customerId);

  const messages: PlannedMessage[] = [];
  const skipped: SkipRecord[] = [];
  const decisions: ReminderDecision[] = [];
  for (const customer of input.customers) {
    const profile = resolveCustomerProfile(input.settings, customer, input.bands?.get(customer.id) ?? null);
    const recentSends = recentMessageTimes(sentByCustomer.get(customer.id) ?? [], state.now);
    const plan = planCustomer(state, profile, customer, invoicesByCustomer.get(customer.id) ?? [], promisesByCustomer.get(customer.id) ?? [], recentSends);
    messages.push(...plan.messages);
    skipped.push(...plan.skipped);
    decisions.push(...plan.decisions);
  }
  skipped.push(...skipUnknownCustomers(state, invoicesByCustomer));

  return {
    now,
    messages: messages.filter((message) => message.status === 'due'),
    deferred: messages.filter((message) => message.status === 'deferred'),
    skipped,
    decisions,
  };
}

/**
 * Returns the send times of the messages in the 7 days up to `now`. A grouped message is recorded
 * once per invoice key with one channel and send time, so it counts once.
 */
function recentMessageTimes(records: readonly SentReminder[], now: number): number[] {
  const messages = new Map<string, number>();
  for (const record of records) {
    const sentAt = parseInstant(record.sentAt);
    if (sentAt > now - weekMilliseconds && sentAt <= now) messages.set(`${record.channel}|${sentAt}`, sentAt);
  }
  return [...messages.values()];
}

interface CustomerPlan {
  readonly messages: readonly PlannedMessage[];
  readonly skipped: readonly SkipRecord[];
  readonly decisions: readonly ReminderDecision[];
}

function planCustomer(
  state: PlanState,
  profile: CustomerProfile,
  customer: Customer,
  invoices: readonly Invoice[],
  promises: readonly PromiseToPay[],
  recentSends: readonly number[],
): CustomerPlan {
  const settings = state.input.settings;
  const today = toLocalDateTime(state.now, profile.timeZone).date;
  const balances = balancesOn(state, today);
  const openByCurrency = new Map<string, number>();
  for (const invoice of invoices) {
    const balance = balances.get(invoice.id) ?? 0;
    if (balance > 0) openByCurrency.set(invoice.currency, (openByCurrency.get(invoice.currency) ?? 0) + balance);
  }

  const context: EvaluationContext = { settings, sentKeys: state.sentKeys, disputesByInvoice: state.disputesByInvoice, customerPromises: promises, consent: state.consent, today, balances, customerOpenByCurrency: openByCurrency };
  const items: DueItem[] = [];
  const skipped: SkipRecord[] = [];
  for (const invoice of invoices) {
    const evaluation = evaluateInvoice(context, profile, customer, invoice);
    items.push(...evaluation.items);
    skipped.push(...evaluation.skips);
  }

  const environment: MessageEnvironment = { settings, packs: state.packs, today, totalOutstanding: [...openByCurrency].map(([currency, minor]) => ({ currency, minor })) };
  const rendered = groupItems(items, profile.schedule.groupInvoices).map((group) => renderMessage(environment, profile, customer, group));
  const messages = applyTiming(rendered, { now: state.now, window: settings.sendWindow, timeZone: profile.timeZone, weeklyCap: settings.weeklyCap, recentSends });
  return { messages, skipped, decisions: decide(items, messages, skipped) };
}

/** Lists one decision per invoice, step and channel, linking each due item to its message's status. */
function decide(items: readonly DueItem[], messages: readonly PlannedMessage[], skipped: readonly SkipRecord[]): ReminderDecision[] {
  const messageByKey = new Map<string, PlannedMessage>();
  for (const message of messages) for (const key of message.idempotencyKeys) messageByKey.set(key, message);
  const decisions: ReminderDecision[] = items.map((item) => {
    const message = messageByKey.get(item.idempotencyKey);
    return {
      invoiceId: item.invoice.id,
      customerId: item.invoice.customerId,
      stepId: item.occurrence.stepId,
      repeatIndex: item.occurrence.repeatIndex,
      channel: item.channel,
      status: message?.status ?? 'due',
      idempotencyKey: item.idempotencyKey,
      reason: message?.deferReason ?? null,
      notBefore: message?.notBefore ?? null,
    };
  });
  for (const skip of skipped) {
    decisions.push({ invoiceId: skip.invoiceId, customerId: skip.customerId, stepId: skip.stepId, repeatIndex: skip.repeatIndex, channel: skip.channel, status: 'skipped', idempotencyKey: null, reason: skip.reason, notBefore: null });
  }
  return decisions;
}

/** Reports open invoices whose customer is missing from the input, once their default-schedule step is reached. */
function skipUnknownCustomers(state: PlanState, invoicesByCustomer: ReadonlyMap<number, readonly Invoice[]>): SkipRecord[] {
  const known = new Set(state.input.customers.map((customer) => customer.id));
  const settings = state.input.settings;
  const schedule = settings.schedules.find((candidate) => candidate.id === settings.assignment.defaultScheduleId);
  if (schedule === undefined) return [];
  const today = toLocalDateTime(state.now, settings.defaultTimeZone).date;
  const balances = balancesOn(state, today);
  const skips: SkipRecord[] = [];
  for (const [customerId, invoices] of invoicesByCustomer) {
    if (known.has(customerId)) continue;
    for (const invoice of invoices) {
      const occurrence = latestOccurrence(schedule, invoice.dueDate, today);
      if (occurrence === null || (balances.get(invoice.id) ?? 0) <= 0) continue;
      skips.push({ status: 'skipped', customerId, invoiceId: invoice.id, stepId: occurrence.stepId, repeatIndex: occurrence.repeatIndex, channel: null, reason: 'customer-not-found', message: skipMessage('customer-not-found', invoice) });
    }
  }
  return skips;
}
