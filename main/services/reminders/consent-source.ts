import type { ReminderConsent } from '../../../core/reminders/types';

/**
 * Source of customers' consent to reminders, such as the privacy service. It returns records in
 * the order they were made, so a later record replaces an earlier one.
 */
export interface ReminderConsentSource {
  reminderConsents(customerIds: readonly number[]): Promise<readonly ReminderConsent[]> | readonly ReminderConsent[];
}

/** The source used until one is configured: no records, so only `consentRequired` can hold reminders back. */
export const noConsentRecords: ReminderConsentSource = {
  reminderConsents: () => [],
};
