import { z } from 'zod';
import type { RuleId } from './types';

const switches = { enabled: z.boolean().default(true), notify: z.boolean().default(false) };
const days = (fallback: number, max = 3650) => z.number().int().min(1).max(max).default(fallback);
const share = (fallback: number) => z.number().min(0).max(10).default(fallback);

/**
 * The user's alert settings: one entry per rule with an on/off switch, a desktop-notification
 * switch (off by default) and the rule's thresholds. Stored as JSON in the `settings` table.
 */
export const alertSettingsSchema = z.object({
  /** Days before the first evaluation whose events may still raise alerts. */
  initialLookbackDays: z.number().int().min(0).max(366).default(30),
  /**
   * Most days one catch-up evaluates. Older missed days are skipped: their events still raise
   * alerts from the next evaluated day, but states and band drops that began and ended within
   * them are lost.
   */
  maxCatchUpDays: z.number().int().min(1).max(3660).default(92),
  rules: z.object({
    'first-late-payment': z.object({ ...switches, onTimeRun: z.number().int().min(1).max(100).default(3) }).prefault({}),
    'late-trend': z.object({
      ...switches,
      baselineCount: z.number().int().min(2).max(100).default(6),
      minBaseline: z.number().int().min(2).max(100).default(4),
      allowance: z.number().min(0).max(5).default(0.5),
      threshold: z.number().min(0.5).max(50).default(4),
      minStdDays: z.number().min(0.5).max(60).default(2),
    }).prefault({}),
    'partial-payment': z.object({ ...switches, fullPaymentRun: z.number().int().min(1).max(100).default(3) }).prefault({}),
    'payments-shrinking': z.object({ ...switches, windowDays: days(30, 365), dropShare: z.number().min(0.05).max(1).default(0.5), exposureGrowth: share(0.2) }).prefault({}),
    'promise-broken': z.object(switches).prefault({}),
    'dispute-opened': z.object(switches).prefault({}),
    'payment-reversed': z.object(switches).prefault({}),
    'band-drop': z.object({ ...switches, minSteps: z.number().int().min(1).max(4).default(1) }).prefault({}),
    'sma-worsening': z.object({ ...switches, minClass: z.enum(['SMA-0', 'SMA-1', 'SMA-2', 'NPA']).default('SMA-1') }).prefault({}),
    'credit-limit': z.object({ ...switches, utilisation: z.number().min(0.1).max(10).default(1) }).prefault({}),
    'exposure-growth': z.object({ ...switches, windowDays: days(30, 365), growthShare: share(0.5), minIncreaseMinor: z.number().int().min(0).default(0) }).prefault({}),
    'bureau-drop': z.object({ ...switches, minPoints: z.number().int().min(1).max(600).default(30), minRanks: z.number().int().min(1).max(9).default(2) }).prefault({}),
    'bureau-stale': z.object({ ...switches, maxAgeDays: days(365) }).prefault({}),
    'identity-watch-list': z.object({ ...switches, minSeverity: z.enum(['warning', 'high']).default('warning') }).prefault({}),
  }).prefault({}),
});

export type AlertSettings = z.output<typeof alertSettingsSchema>;
export type AlertSettingsInput = z.input<typeof alertSettingsSchema>;
export type RuleSettings<Id extends RuleId> = AlertSettings['rules'][Id];

export const defaultAlertSettings: AlertSettings = alertSettingsSchema.parse({});

/**
 * Merges stored or requested settings over the defaults rule by rule, so a setting saved by an
 * older version gains new rules and fields with their defaults. Throws a ZodError naming the
 * field for a value out of range.
 */
export function resolveAlertSettings(stored: unknown): AlertSettings {
  const input = (typeof stored === 'object' && stored !== null ? stored : {}) as { rules?: Record<string, object> };
  const rules: Record<string, object> = {};
  for (const [rule, value] of Object.entries(defaultAlertSettings.rules)) rules[rule] = { ...value, ...(input.rules?.[rule] ?? {}) };
  return alertSettingsSchema.parse({ ...defaultAlertSettings, ...input, rules });
}
