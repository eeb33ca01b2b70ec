import type { IsoDate } from '../ledger/dates';
import { addMonths } from './requests';

/**
 * Data categories that are erased automatically once their retention period ends. DPDP Act 2023
 * s.8(7) and GDPR art. 5(1)(e) require personal data to be erased once the purpose is served,
 * unless a law requires it kept.
 */
export const retentionCategories = ['settled-invoices', 'inactive-contacts', 'reminder-history', 'scores'] as const;
export type RetentionCategory = (typeof retentionCategories)[number];

export interface RetentionRule {
  readonly enabled: boolean;
  /** Whole years after which the data goes. */
  readonly years: number;
}

export type RetentionSettings = Readonly<Record<RetentionCategory, RetentionRule>>;

export interface RetentionCategoryInfo {
  readonly label: string;
  readonly description: string;
  /** The shortest period the setting accepts, and why. */
  readonly minimumYears: number;
  readonly minimumReason: string | null;
}

/**
 * Companies Act 2013 s.128(5) keeps books of account for eight financial years, and CGST Act 2017
 * s.36 keeps them for 72 months from the due date of the year's annual return, which eight years
 * from the invoice date also covers. Settled invoices therefore stay at least eight years.
 */
export const booksOfAccountYears = 8;

export const retentionCategoryInfo: Readonly<Record<RetentionCategory, RetentionCategoryInfo>> = {
  'settled-invoices': {
    label: 'Settled invoices',
    description: 'Invoices fully settled, with their payments, allocations, disputes and promises, once the last settlement is older than the period.',
    minimumYears: booksOfAccountYears,
    minimumReason: 'Books of account are kept for 8 years (Companies Act 2013 s.128(5), CGST Act 2017 s.36).',
  },
  'inactive-contacts': {
    label: 'Contacts of inactive customers',
    description: 'E-mail addresses and phone numbers of customers with no open invoice and no invoice or payment within the period.',
    minimumYears: 1,
    minimumReason: null,
  },
  'reminder-history': {
    label: 'Reminder history',
    description: 'Records of payment reminders sent, once older than the period.',
    minimumYears: 1,
    minimumReason: null,
  },
  scores: {
    label: 'Risk and bureau scores',
    description: 'Stored scores and score history, once older than the period. Current scores are computed again from the ledger.',
    minimumYears: 1,
    minimumReason: null,
  },
};

/** Every category starts switched off, so nothing is erased until the user sets a period. */
export const defaultRetentionSettings: RetentionSettings = {
  'settled-invoices': { enabled: false, years: booksOfAccountYears },
  'inactive-contacts': { enabled: false, years: 3 },
  'reminder-history': { enabled: false, years: 3 },
  scores: { enabled: false, years: 2 },
};

/** Returns the problems with a settings value, each naming the category and the accepted range. */
export function retentionProblems(settings: RetentionSettings): string[] {
  const problems: string[] = [];
  for (const category of retentionCategories) {
    const rule = settings[category];
    const info = retentionCategoryInfo[category];
    if (!Number.isInteger(rule.years) || rule.years < info.minimumYears || rule.years > 100) {
      problems.push(`${info.label}: ${rule.years} years is outside ${info.minimumYears} to 100 years.${info.minimumReason === null ? '' : ` ${info.minimumReason}`}`);
    }
  }
  return problems;
}

/** Returns the day before which data of a category has passed its period. */
export function retentionCutoff(today: IsoDate, years: number): IsoDate {
  return addMonths(today, -12 * years);
}
