import { z } from 'zod';
import { isIsoDate } from '../ledger/dates';
import { alertSettingsSchema, type AlertSettings } from '../warning/settings';
import { ruleIds, type alertSeverities, type bureauScales, type Evidence } from '../warning/types';
import { defineRequest } from './define';

export const alertStates = ['new', 'acknowledged', 'snoozed', 'resolved'] as const;
export type AlertState = (typeof alertStates)[number];

const isoDate = z.string().refine(isIsoDate, 'Use a date written as YYYY-MM-DD.');
const alertIds = z.array(z.number().int().positive()).min(1, 'Choose at least one alert.').max(1000, 'Change at most 1,000 alerts at once.');

/** One alert as the inbox, the customer screen and the command line show it. */
export interface AlertView {
  readonly id: number;
  readonly rule: (typeof ruleIds)[number];
  readonly customerId: number;
  readonly customerName: string;
  readonly customerRef: string | null;
  readonly kind: 'event' | 'state';
  readonly severity: (typeof alertSeverities)[number];
  /** The day the alert fired. */
  readonly alertDate: string;
  readonly updatedOn: string;
  /** The first evaluated day a state no longer held, or null. */
  readonly endedOn: string | null;
  readonly message: string;
  readonly evidence: Evidence;
  readonly state: AlertState;
  readonly snoozedUntil: string | null;
  readonly resolutionNote: string | null;
}

export interface AlertRunSummary {
  readonly evaluatedDays: readonly string[];
  readonly lastEvaluatedDay: string | null;
  readonly opened: number;
  readonly changed: number;
  readonly ended: number;
  readonly skippedDays: number;
}

export interface BureauPoint {
  readonly reportDate: string;
  readonly bureau: string;
  readonly scale: (typeof bureauScales)[number];
  readonly value: number;
}

/** A parsed bureau file before it is written: matched rows, and the rows that were not matched or not valid. */
export interface BureauPreview {
  readonly fileName: string;
  readonly rowCount: number;
  readonly matched: readonly { row: number; customerId: number; customerName: string; matchedBy: string; bureau: string; reportDate: string; scale: string; value: number }[];
  readonly unmatched: readonly { row: number; identifier: string; reason: string }[];
  readonly invalid: readonly { row: number; message: string }[];
}

export const alertListSchema = z.object({
  states: z.array(z.enum(alertStates)).max(4).default(['new', 'acknowledged']),
  rules: z.array(z.enum(ruleIds)).max(ruleIds.length).default([]),
  customerId: z.number().int().positive().optional(),
  search: z.string().trim().max(100).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type AlertListQuery = z.input<typeof alertListSchema>;

const settingsChange = z.object({
  initialLookbackDays: z.number().int().optional(),
  maxCatchUpDays: z.number().int().optional(),
  rules: z.partialRecord(z.enum(ruleIds), z.record(z.string(), z.union([z.boolean(), z.number(), z.string()]))).optional(),
});

export const alertRequests = {
  'alerts.list': defineRequest(
    alertListSchema,
    z.object({
      total: z.number().int(),
      counts: z.record(z.enum(alertStates), z.number().int()),
      lastEvaluatedDay: z.string().nullable(),
      items: z.array(z.custom<AlertView>()),
    }),
  ),
  'alerts.acknowledge': defineRequest(z.object({ ids: alertIds }), z.object({ changed: z.number().int() })),
  'alerts.snooze': defineRequest(z.object({ ids: alertIds, until: isoDate }), z.object({ changed: z.number().int() })),
  'alerts.resolve': defineRequest(
    z.object({ ids: alertIds, note: z.string().trim().min(1, 'Write a note saying how the alert was resolved.').max(2000) }),
    z.object({ changed: z.number().int() }),
  ),
  'alerts.reopen': defineRequest(z.object({ ids: alertIds }), z.object({ changed: z.number().int() })),
  'alerts.evaluate': defineRequest(z.object({}), z.custom<AlertRunSummary>()),
  'alerts.customer': defineRequest(
    z.object({ customerId: z.number().int().positive() }),
    z.object({ alerts: z.array(z.custom<AlertView>()), bureau: z.array(z.custom<BureauPoint>()) }),
  ),
  'alerts.settings': defineRequest(z.object({}), z.custom<AlertSettings>()),
  'alerts.updateSettings': defineRequest(settingsChange, z.custom<AlertSettings>()),
  'alerts.bureau.preview': defineRequest(z.object({ fileId: z.string().min(1).max(64) }), z.custom<BureauPreview>()),
  'alerts.bureau.commit': defineRequest(
    z.object({ fileId: z.string().min(1).max(64) }),
    z.object({ importId: z.number().int(), imported: z.number().int(), unmatched: z.number().int(), invalid: z.number().int() }),
  ),
  'alerts.bureau.discard': defineRequest(z.object({ fileId: z.string().min(1).max(64) }), z.object({ discarded: z.boolean() })),
} as const;

export { alertSettingsSchema };
