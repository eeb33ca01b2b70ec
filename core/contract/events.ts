import { z } from 'zod';

/** Push events from main to the renderer, each with the schema of its payload. */
export const events = {
  'session.changed': z.object({ unlocked: z.boolean(), reason: z.enum(['unlocked', 'locked', 'auto-lock', 'closed']) }),
  'ledger.changed': z.object({ tables: z.array(z.string()) }),
  /** Scores were recomputed, after an import, a payment or a new day. */
  'risk.updated': z.object({ asOf: z.string(), customers: z.number().int() }),
  /** New high-severity alerts of rules whose notifications are switched on, for a desktop notification. */
  'alerts.new': z.object({
    alerts: z.array(z.object({ id: z.number().int(), rule: z.string(), severity: z.string(), customerId: z.number().int(), customerName: z.string(), message: z.string(), alertDate: z.string() })),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<Name extends EventName> = z.infer<(typeof events)[Name]>;
export const eventNames = Object.keys(events) as EventName[];
