import { z } from 'zod';
import { defineRequest } from './define';

/** A passphrase is at least 10 characters; the strength meter in the renderer guides further. */
export const passphraseSchema = z
  .string()
  .min(10, 'Use a passphrase of at least 10 characters.')
  .max(1024, 'Use a passphrase of at most 1024 characters.');

const ledgerNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a ledger name.')
  .max(120, 'Use a ledger name of at most 120 characters.')
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((char) => char.charCodeAt(0) < 0x20), {
    message: 'A ledger name cannot contain / \\ : * ? " < > | or control characters.',
  });

export const ledgerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  modifiedAt: z.string().nullable(),
  isOpen: z.boolean(),
  rememberedOnThisComputer: z.boolean(),
});
export type LedgerSummary = z.infer<typeof ledgerSummarySchema>;

export const sessionStateSchema = z.object({
  mode: z.enum(['desktop', 'browser']),
  unlocked: z.boolean(),
  ledger: ledgerSummarySchema.nullable(),
  autoLockMinutes: z.number().int(),
  canRememberKey: z.boolean(),
  rememberKeyUnavailableReason: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const ledgerRequests = {
  'session.state': defineRequest(z.object({}), sessionStateSchema, { public: true }),
  'ledger.list': defineRequest(z.object({}), z.array(ledgerSummarySchema), { public: true }),
  'ledger.create': defineRequest(
    z.object({ name: ledgerNameSchema, passphrase: passphraseSchema }),
    z.object({ ledger: ledgerSummarySchema, recoveryKey: z.string() }),
    { public: true },
  ),
  'ledger.unlock': defineRequest(
    z.object({
      ledgerId: z.string().min(1),
      passphrase: z.string().min(1).max(1024),
      remember: z.boolean().default(false),
    }),
    sessionStateSchema,
    { public: true },
  ),
  'ledger.unlockWithRecoveryKey': defineRequest(
    z.object({ ledgerId: z.string().min(1), recoveryKey: z.string().min(1).max(200), newPassphrase: passphraseSchema }),
    z.object({ session: sessionStateSchema, recoveryKey: z.string() }),
    { public: true },
  ),
  'ledger.unlockRemembered': defineRequest(z.object({ ledgerId: z.string().min(1) }), sessionStateSchema, { public: true }),
  'ledger.lock': defineRequest(z.object({}), sessionStateSchema, { public: true }),
  'ledger.changePassphrase': defineRequest(
    z.object({ currentPassphrase: z.string().min(1).max(1024), newPassphrase: passphraseSchema }),
    z.object({ changed: z.literal(true) }),
  ),
  'ledger.forgetRemembered': defineRequest(z.object({}), z.object({ forgotten: z.boolean() })),
  'settings.get': defineRequest(z.object({}), z.object({ autoLockMinutes: z.number().int(), baseCurrency: z.string(), locale: z.string() })),
  'settings.update': defineRequest(
    z.object({
      autoLockMinutes: z.number().int().min(1).max(24 * 60).optional(),
      baseCurrency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code.').optional(),
      locale: z.string().min(2).max(35).optional(),
    }),
    z.object({ autoLockMinutes: z.number().int(), baseCurrency: z.string(), locale: z.string() }),
  ),
} as const;
