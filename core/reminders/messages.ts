import type { IsoDate } from '../ledger/dates';
import type { Customer } from '../ledger/types';
import type { DueItem } from './invoice-evaluation';
import type { CustomerProfile } from './schedules';
import type { ReminderSettings } from './settings';
import { composeMessage } from './templates/compose';
import type { LanguagePack } from './templates/language-pack';
import { buildSmsLink, buildWhatsAppLink } from './templates/links';
import type { CurrencyAmount, MessageContext } from './templates/values';
import { channels, type Channel, type PlannedMessage } from './types';

/**
 * Orders items so the one that leads a grouped message comes first: the invoice with the
 * earliest due date, whose step is the furthest along the schedule. Its template then matches
 * the message-level `{due_date}` and `{days_overdue}`, which also describe that invoice.
 */
export function compareLead(a: DueItem, b: DueItem): number {
  if (a.invoice.dueDate !== b.invoice.dueDate) return a.invoice.dueDate < b.invoice.dueDate ? -1 : 1;
  if (a.occurrence.date !== b.occurrence.date) return a.occurrence.date > b.occurrence.date ? -1 : 1;
  return a.invoice.id - b.invoice.id;
}

/** Splits due items into messages: one per channel when the schedule groups invoices, else one per item. */
export function groupItems(items: readonly DueItem[], groupInvoices: boolean): DueItem[][] {
  if (!groupInvoices) return items.map((item) => [item]);
  const groups = new Map<Channel, DueItem[]>();
  for (const item of items) {
    const group = groups.get(item.channel) ?? [];
    group.push(item);
    groups.set(item.channel, group);
  }
  return channels.flatMap((channel) => {
    const group = groups.get(channel);
    return group === undefined ? [] : [group];
  });
}

export interface MessageEnvironment {
  readonly settings: ReminderSettings;
  readonly packs: Readonly<Record<string, LanguagePack>>;
  readonly today: IsoDate;
  readonly totalOutstanding: readonly CurrencyAmount[];
}

/** Picks the customer's language if it has the template, else the default language. */
function chooseLanguage(environment: MessageEnvironment, language: string, templateId: string): { tag: string; pack: LanguagePack } {
  const own = environment.packs[language];
  if (own?.templates[templateId] !== undefined) return { tag: language, pack: own };
  const tag = environment.settings.defaultLanguage;
  const fallback = environment.packs[tag];
  if (fallback === undefined) throw new RangeError(`Default language "${tag}" not found; parse the settings with parseReminderSettings first.`);
  return { tag, pack: fallback };
}

/**
 * Renders one message for a group of items on one channel. The invoices are listed oldest due
 * date first, and the first one's step chooses the template.
 */
export function renderMessage(environment: MessageEnvironment, profile: CustomerProfile, customer: Customer, group: readonly DueItem[]): PlannedMessage {
  const ordered = [...group].sort(compareLead);
  const lead = ordered[0];
  if (lead === undefined) throw new RangeError('A message needs at least one invoice.');
  const { tag, pack } = chooseLanguage(environment, profile.language, lead.occurrence.templateId);
  const lateFeeKind = environment.settings.lateFee.kind;
  const context: MessageContext = {
    customer,
    contactName: lead.recipients.find((recipient) => recipient.name !== null)?.name ?? null,
    invoices: ordered.map((item) => ({ invoice: item.invoice, balanceMinor: item.balanceMinor, lateFee: item.lateFee })),
    totalOutstanding: environment.totalOutstanding,
    today: environment.today,
    business: environment.settings.business,
    lateFeeKind: lateFeeKind === 'none' ? null : lateFeeKind,
    language: tag,
  };
  const { subject, body } = composeMessage(pack, lead.occurrence.templateId, lead.channel, context);
  const firstAddress = lead.recipients[0]?.address ?? '';

  return {
    status: 'due',
    idempotencyKeys: ordered.map((item) => item.idempotencyKey),
    customerId: customer.id,
    invoiceIds: ordered.map((item) => item.invoice.id),
    stepId: lead.occurrence.stepId,
    repeatIndex: lead.occurrence.repeatIndex,
    templateId: lead.occurrence.templateId,
    tone: lead.occurrence.tone,
    channel: lead.channel,
    language: tag,
    subject,
    body,
    recipients: lead.recipients,
    attachStatement: lead.channel === 'email' && group.some((item) => item.occurrence.attachStatement),
    link: lead.channel === 'whatsapp' ? buildWhatsAppLink(firstAddress, body) : lead.channel === 'sms' ? buildSmsLink(firstAddress, body) : null,
    notBefore: null,
    deferReason: null,
    deferMessage: null,
  };
}
