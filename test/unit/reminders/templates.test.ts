import { describe, expect, it } from 'vitest';
import { parseReminderSettings, reminderSettingsSchema } from '../../../core/reminders/settings';
import { planReminders } from '../../../core/reminders/planner';
import { composeMessage } from '../../../core/reminders/templates/compose';
import { defaultLanguagePacks } from '../../../core/reminders/templates/defaults';
import { englishPack } from '../../../core/reminders/templates/en';
import { buildSmsLink, buildWhatsAppLink } from '../../../core/reminders/templates/links';
import { messagePlaceholders } from '../../../core/reminders/templates/placeholders';
import { previewReminder } from '../../../core/reminders/templates/preview';
import { TemplateError, renderTemplate } from '../../../core/reminders/templates/render';
import type { MessageContext } from '../../../core/reminders/templates/values';
import { customer, invoice, mondayMorningIst, planInput, plainSettingsInput } from './fixtures';

function settingsIssues(input: unknown): string[] {
  const result = reminderSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const business = parseReminderSettings({ business: { name: 'Mehta Steel Works', upiId: 'mehtasteel@okhdfcbank' } }).business;

// INV-0042: ₹1,18,000.00 issued 24/11/2025, due 24/12/2025; on 05/01/2026 it is 12 days overdue.
function context(language: string, extra: MessageContext['invoices'] = []): MessageContext {
  const main = invoice(42, 1, '2025-12-24', 11_800_000, { issueDate: '2025-11-24' });
  return {
    customer: customer(1),
    contactName: 'Rakesh Sharma',
    invoices: [{ invoice: main, balanceMinor: 11_800_000, lateFee: null }, ...extra],
    totalOutstanding: [{ currency: 'INR', minor: 11_800_000 }],
    today: '2026-01-05',
    business,
    lateFeeKind: null,
    language,
  };
}

function compose(language: string, channel: 'email' | 'whatsapp', extra: MessageContext['invoices'] = []) {
  const pack = defaultLanguagePacks[language];
  if (pack === undefined) throw new Error(`missing pack ${language}`);
  return composeMessage(pack, 'overdue-polite', channel, context(language, extra));
}

describe('default templates', () => {
  it('renders English with en-IN amounts and DD/MM/YYYY dates', () => {
    expect(compose('en', 'whatsapp').body).toBe('Dear Rakesh Sharma, ₹1,18,000.00 for INV-0042 from Mehta Steel Works was due on 24/12/2025 and is still unpaid. Please arrange the payment at your earliest convenience. UPI: mehtasteel@okhdfcbank. If already paid, please share the reference.');
    const email = compose('en', 'email');
    expect(email.subject).toBe('Overdue payment: ₹1,18,000.00 to Mehta Steel Works');
    expect(email.body).toContain('- Invoice INV-0042 dated 24/11/2025: ₹1,18,000.00, due on 24/12/2025, 12 days overdue');
    expect(email.body).toContain('Payment details:\nUPI ID: mehtasteel@okhdfcbank');
  });

  it('renders Hindi in Devanagari', () => {
    expect(compose('hi', 'whatsapp').body).toBe('आदरणीय Rakesh Sharma, Mehta Steel Works के बिल INV-0042 के ₹1,18,000.00 का भुगतान 24/12/2025 को देय था और अभी बाकी है। कृपया सुविधानुसार शीघ्र भुगतान करें। UPI: mehtasteel@okhdfcbank। भुगतान हो चुका हो, तो कृपया संदर्भ भेजें।');
    const email = compose('hi', 'email');
    expect(email.subject).toBe('बकाया भुगतान: Mehta Steel Works को ₹1,18,000.00');
    expect(email.body).toContain('- बिल संख्या INV-0042, दिनांक 24/11/2025: ₹1,18,000.00, 24/12/2025 को देय था, 12 दिन की देरी');
    expect(email.body).toContain('भुगतान विवरण:\nUPI आईडी: mehtasteel@okhdfcbank');
  });

  it('renders Hinglish in Latin script', () => {
    expect(compose('hi-Latn', 'whatsapp').body).toBe('Namaste Rakesh Sharma, Mehta Steel Works ke invoice INV-0042 ke ₹1,18,000.00 ka payment 24/12/2025 ko due tha aur abhi baaki hai. Kripya jald payment kar dein. UPI: mehtasteel@okhdfcbank. Payment ho chuka ho to reference bhej dein.');
    expect(compose('hi-Latn', 'email').body).toContain('- Invoice INV-0042 (24/11/2025): ₹1,18,000.00, 24/12/2025 ko due tha, 12 din late');
  });

  it('shows each invoice in its own currency and sums by currency', () => {
    const usd = invoice(43, 1, '2026-01-04', 50_000, { currency: 'USD', issueDate: '2025-12-05' });
    const email = compose('en', 'email', [{ invoice: usd, balanceMinor: 50_000, lateFee: null }]);
    expect(email.body).toContain('- Invoice INV-0043 dated 05/12/2025: $500.00, due on 04/01/2026, 1 day overdue');
    expect(email.body).toContain('Amount due: ₹1,18,000.00 + $500.00');
  });

  it('leaves out the payment block when no payment details are set', () => {
    const pack = defaultLanguagePacks.en!;
    const bare = { ...context('en'), business: { ...business, upiId: '' } };
    const email = composeMessage(pack, 'overdue-polite', 'email', bare);
    expect(email.body).not.toContain('Payment details');
    expect(composeMessage(pack, 'overdue-polite', 'whatsapp', bare).body).not.toContain('UPI');
  });

  it('passes the placeholder check in every shipped language', () => {
    expect(() => parseReminderSettings({})).not.toThrow();
    for (const pack of Object.values(defaultLanguagePacks)) {
      expect(Object.keys(pack.templates).sort()).toEqual(Object.keys(englishPack.templates).sort());
    }
  });

  it('contains no threatening words in English', () => {
    const text = JSON.stringify(englishPack).toLowerCase();
    for (const word of ['legal', 'court', 'police', 'action against', 'blacklist', 'recovery agent']) expect(text).not.toContain(word);
  });
});

describe('template syntax', () => {
  const names = Object.keys(messagePlaceholders);

  it('rejects unknown placeholders and names them all', () => {
    let caught: unknown;
    try {
      renderTemplate('Dear {contact_nme}, please pay {amount} ({amount_due}).', names, {}, 'en/custom/body');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    const error = caught as TemplateError;
    expect(error.unknownPlaceholders).toEqual(['contact_nme', 'amount']);
    expect(error.message).toMatch(/^Unknown placeholders \{contact_nme\}, \{amount\} in en\/custom\/body\. Known placeholders: \{customer_name\}, /);
  });

  it('keeps a section only when its value is not empty', () => {
    const source = 'Pay {amount_due}.{#upi_id} UPI: {upi_id}.{/upi_id}';
    expect(renderTemplate(source, names, { amount_due: '₹10.00', upi_id: 'a@okaxis' }, 't')).toBe('Pay ₹10.00. UPI: a@okaxis.');
    expect(renderTemplate(source, names, { amount_due: '₹10.00', upi_id: '' }, 't')).toBe('Pay ₹10.00.');
  });

  it('writes literal braces from doubled braces', () => {
    expect(renderTemplate('{{ref}} {business_name}', names, { business_name: 'Mehta' }, 't')).toBe('{ref} Mehta');
  });

  it('rejects a stray brace, a nested section and an unclosed section', () => {
    expect(() => renderTemplate('Pay {amount_due', names, {}, 't')).toThrow('Unbalanced "{" at character 5 in t: write {{ or }} for a literal brace.');
    expect(() => renderTemplate('{#upi_id}{#ifsc}x{/ifsc}{/upi_id}', names, {}, 't')).toThrow('Section {#ifsc} opens inside {#upi_id} in t: sections cannot nest.');
    expect(() => renderTemplate('{#upi_id}x', names, {}, 't')).toThrow('Section {#upi_id} in t is never closed with {/upi_id}.');
  });

  it('rejects an edited template with an unknown placeholder when settings are parsed', () => {
    const edit = { languages: { en: { templates: { 'overdue-firm': { subject: 'Pay {amont}', body: 'x', short: 'y' } } } } };
    expect(settingsIssues(edit)[0]).toMatch(/^Unknown placeholder \{amont\} in en\/overdue-firm\/subject\. Known placeholders: /);
  });
});

describe('languages as data', () => {
  it('uses an edited template', () => {
    const settings = parseReminderSettings({ ...plainSettingsInput, languages: { en: { templates: { 'overdue-polite': { subject: 'Reminder', body: 'Please pay {amount_due} for {invoice_numbers}.', short: 'Pay {amount_due}.' } } } } });
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-12-29', 5_000_000)], settings }), mondayMorningIst);
    expect(plan.messages[0]?.body).toBe('Please pay ₹50,000.00 for INV-0001.');
  });

  it('adds a language and uses it for a customer', () => {
    const customPack = {
      ...englishPack,
      name: 'English (custom)',
      templates: { ...englishPack.templates, 'overdue-polite': { subject: 'Custom', body: 'Custom {invoice_numbers}', short: 'Custom' } },
    };
    const settings = parseReminderSettings({ ...plainSettingsInput, languages: { 'en-x-custom': customPack }, customers: { '1': { language: 'en-x-custom' } } });
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-12-29', 5_000_000)], settings }), mondayMorningIst);
    expect(plan.messages[0]?.language).toBe('en-x-custom');
    expect(plan.messages[0]?.body).toBe('Custom INV-0001');
  });

  it('rejects a new language that leaves out fields', () => {
    expect(settingsIssues({ languages: { ta: { name: 'தமிழ்' } } })).toEqual([
      'Language "ta" is new, so it needs a name, invoice line, status phrases, labels and templates.',
    ]);
  });

  it('falls back to the default language when the customer\'s lacks the template', () => {
    const extra = { subject: 'Note', body: 'Custom note for {invoice_numbers}', short: 'Note' };
    const settingsInput = {
      ...plainSettingsInput,
      schedules: [{ id: 'plain', name: 'Plain', steps: [{ id: 'note', offsetDays: 7, templateId: 'custom-note', tone: 'polite' as const, channels: ['email' as const] }] }],
      languages: { en: { templates: { 'custom-note': extra } } },
      customers: { '1': { language: 'hi' } },
    };
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-12-29', 5_000_000)], settingsInput }), mondayMorningIst);
    expect(plan.messages[0]?.language).toBe('en');
    expect(plan.messages[0]?.body).toBe('Custom note for INV-0001');
  });

  it('uses the customer\'s language when it has the template', () => {
    const settingsInput = { ...plainSettingsInput, customers: { '1': { language: 'hi' } } };
    const plan = planReminders(planInput({ invoices: [invoice(1, 1, '2025-12-29', 5_000_000)], settingsInput }), mondayMorningIst);
    expect(plan.messages[0]?.language).toBe('hi');
    expect(plan.messages[0]?.subject).toBe('बकाया भुगतान: Mehta Steel Works को ₹50,000.00');
  });
});

describe('preview', () => {
  it('renders sample invoices around the given date', () => {
    const settings = parseReminderSettings({ business: { name: 'Mehta Steel Works' } });
    const preview = previewReminder(settings, { language: 'en', templateId: 'upcoming', channel: 'email', today: '2026-01-05' });
    expect(preview.subject).toBe('Payment reminder from Mehta Steel Works: ₹1,43,250.50 due on 24/12/2025');
    expect(preview.body).toContain('Dear Rakesh Sharma,');
  });

  it('raises for an unknown language', () => {
    const settings = parseReminderSettings({});
    expect(() => previewReminder(settings, { language: 'fr', templateId: 'upcoming', channel: 'email', today: '2026-01-05' })).toThrow('Language "fr" not found');
  });
});

describe('links', () => {
  it('builds a wa.me link with digits only and encoded text', () => {
    expect(buildWhatsAppLink('+91 98123 45678', 'Pay ₹1,000.00 & thanks')).toBe('https://wa.me/919812345678?text=Pay%20%E2%82%B91%2C000.00%20%26%20thanks');
  });

  it('builds an sms link with the body', () => {
    expect(buildSmsLink('+919812345678', 'नमस्ते')).toBe('sms:+919812345678?body=%E0%A4%A8%E0%A4%AE%E0%A4%B8%E0%A5%8D%E0%A4%A4%E0%A5%87');
  });

  it('rejects a number without a country code', () => {
    expect(() => buildWhatsAppLink('09812345678', 'x')).toThrow('Invalid phone number "09812345678" for WhatsApp');
  });
});
