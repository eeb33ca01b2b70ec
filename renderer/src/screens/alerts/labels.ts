import type { AlertState, AlertView } from '../../../../core/contract/index';
import { ruleDescriptions, ruleIds, type RuleId } from '../../../../core/warning/index';
import { count, money } from '../../format';

export const stateLabels: Record<AlertState, string> = { new: 'New', acknowledged: 'Acknowledged', snoozed: 'Snoozed', resolved: 'Resolved' };
export const severityLabels: Record<AlertView['severity'], string> = { info: 'Info', warning: 'Warning', high: 'High' };
export const ruleOptions: { id: RuleId; label: string }[] = ruleIds.map((id) => ({ id, label: ruleDescriptions[id].label }));

/** Keys of evidence values that are record ids or codes, shown elsewhere or of no use to a reader. */
const hiddenKeys = /Id$|^scale$|^code$/;

/** Evidence values as short "name: value" text; amounts in minor units are shown as money. */
export function evidenceFacts(alert: AlertView, currency: string): string[] {
  return Object.entries(alert.evidence.values)
    .filter(([key, value]) => value !== null && value !== '' && !hiddenKeys.test(key))
    .map(([key, value]) => {
      const label = key.replace(/Minor$/, '').replace(/([A-Z])/g, ' $1').toLowerCase();
      if (typeof value === 'number' && key.endsWith('Minor')) return `${label}: ${money(value, currency)}`;
      if (typeof value === 'number') return `${label}: ${count(value)}`;
      return `${label}: ${String(value)}`;
    });
}
