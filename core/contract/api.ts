import { z } from 'zod';
import { defineRequest } from './define';

/**
 * Scopes a local-API token can carry: `risk:read` for lookups, scores, credit checks and alerts,
 * `ledger:write` for creating and updating customers, invoices and payments.
 */
export const apiScopes = ['risk:read', 'ledger:write'] as const;
export type ApiScope = (typeof apiScopes)[number];
export const apiScopeSchema = z.enum(apiScopes);

/** Addresses that reach this computer only. Binding to anything else opens the API to the network. */
export const loopbackAddresses: readonly string[] = ['127.0.0.1', '::1'];

export const apiSettingsSchema = z.object({
  enabled: z.boolean(),
  port: z.number().int().min(1).max(65535),
  /** An IP address of this computer; 0.0.0.0 or :: listens on every network interface. */
  bindAddress: z.union([z.ipv4(), z.ipv6()], { message: 'Enter an IP address such as 127.0.0.1.' }),
  /** Sustained requests per second allowed for one token. */
  rateLimitPerSecond: z.number().int().min(1).max(10_000),
  /** Requests one token may send at once before the per-second rate applies. */
  rateLimitBurst: z.number().int().min(1).max(100_000),
});
export type ApiSettings = z.infer<typeof apiSettingsSchema>;

export const defaultApiSettings: ApiSettings = {
  enabled: false,
  port: 7744,
  bindAddress: '127.0.0.1',
  rateLimitPerSecond: 50,
  rateLimitBurst: 100,
};

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  scopes: z.array(apiScopeSchema),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a token name, such as the billing system that will use it.')
  .max(60, 'Use a token name of at most 60 characters.')
  .refine((name) => ![...name].some((char) => char.charCodeAt(0) < 0x20), { message: 'A token name cannot contain control characters.' });

export const apiStatusSchema = z.object({
  running: z.boolean(),
  /** The address clients use, such as http://127.0.0.1:7744, while running. */
  url: z.string().nullable(),
  bindAddress: z.string(),
  port: z.number().int(),
  /** False when the API listens on an address other computers can reach. */
  loopbackOnly: z.boolean(),
  /** The reason the API is not running although enabled, such as a port in use. */
  error: z.string().nullable(),
});
export type ApiStatus = z.infer<typeof apiStatusSchema>;

/** One served request as the Settings screen lists it: no bodies, no query strings, no tokens. */
export const apiRequestLogEntrySchema = z.object({
  at: z.string(),
  tokenName: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number(),
});
export type ApiRequestLogEntry = z.infer<typeof apiRequestLogEntrySchema>;

export const apiRequests = {
  'api.settings': defineRequest(z.object({}), apiSettingsSchema),
  'api.updateSettings': defineRequest(apiSettingsSchema.partial(), apiSettingsSchema),
  'api.status': defineRequest(z.object({}), apiStatusSchema),
  'api.tokens': defineRequest(z.object({ includeRevoked: z.boolean().default(false) }), z.array(apiTokenSchema)),
  'api.createToken': defineRequest(
    z.object({
      name: apiTokenNameSchema,
      scopes: z.array(apiScopeSchema).min(1, 'Choose at least one scope.').max(apiScopes.length)
        .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'List each scope once.' }),
    }),
    // `secret` is the bearer token itself. It is returned only here; the ledger stores its SHA-256.
    z.object({ token: apiTokenSchema, secret: z.string() }),
  ),
  'api.revokeToken': defineRequest(z.object({ id: z.number().int().positive() }), apiTokenSchema),
  'api.requests': defineRequest(z.object({ limit: z.number().int().min(1).max(500).default(50) }), z.array(apiRequestLogEntrySchema)),
} as const;
