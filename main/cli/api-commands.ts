import { isIP } from 'node:net';
import { apiScopes, apiTokenNameSchema, type ApiScope } from '../../core/contract/api';
import { startApiServer } from '../api/server';
import { isLoopbackAddress } from '../services/api/api-settings';
import { unlockLedgerAt, type CliContext } from './context';
import type { OptionValues } from './customer-commands';
import { UsageError } from './secrets';

function option(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Dispatches `api` (serve) and `api token create|list|revoke`. */
export async function apiCommand(context: CliContext, positionals: string[], options: OptionValues): Promise<void> {
  const [group, action, name, ...extra] = positionals;
  if (group === undefined) return apiServe(context, options);
  if (group !== 'token' || extra.length > 0) throw new UsageError(`Unknown api command "${positionals.join(' ')}". Use "api", "api token create NAME", "api token list" or "api token revoke NAME".`);
  if (action === 'create') return tokenCreate(context, name, options);
  if (action === 'list' && name === undefined) return tokenList(context, options);
  if (action === 'revoke') return tokenRevoke(context, name, options);
  throw new UsageError(`Unknown api token command "${[action, name].filter((word) => word !== undefined).join(' ')}". Use create NAME, list or revoke NAME.`);
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port "${text}" is not a port number from 1 to 65535.`);
  return port;
}

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `api --ledger PATH [--port N] [--bind ADDRESS]`: serves the local API without a window until
 * SIGINT or SIGTERM. The ledger stays unlocked while the command runs, because no one is there to
 * unlock it again after the idle timeout.
 */
async function apiServe(context: CliContext, options: OptionValues): Promise<void> {
  const port = parsePort(option(options, 'port'));
  const bind = option(options, 'bind');
  if (bind !== undefined && isIP(bind) === 0) throw new UsageError(`--bind "${bind}" is not an IP address; use 127.0.0.1 for this computer only.`);
  await unlockLedgerAt(context, option(options, 'ledger'));
  const { services } = context;
  await services.scoring.ensureCurrent();
  const settings = await services.api.settings();
  const server = await startApiServer({ services, logger: services.config.logger, bindAddress: bind ?? settings.bindAddress, port: port ?? settings.port, keepSessionAlive: true });
  const keepUnlocked = setInterval(() => services.session.touch(), 60_000);
  const lines = [`Duewatch local API is listening on ${server.url} (OpenAPI document at ${server.url}/openapi.json). Stop it with Ctrl-C.`];
  if (!isLoopbackAddress(server.bindAddress)) lines.push(`Warning: ${server.bindAddress} can be reached from other computers on the network.`);
  context.output({ url: server.url, port: server.port, bindAddress: server.bindAddress }, [...lines, `DUEWATCH_API_URL=${server.url}`]);
  try {
    await waitForStopSignal();
  } finally {
    clearInterval(keepUnlocked);
    await server.close();
    await services.api.flushRefresh();
  }
}

function scopesFrom(options: OptionValues): ApiScope[] {
  const scopeOption = options.scope;
  let values: string[] = [];
  if (Array.isArray(scopeOption)) values = scopeOption;
  else if (typeof scopeOption === 'string') values = [scopeOption];
  if (values.length === 0) throw new UsageError(`api token create needs at least one --scope: ${apiScopes.join(' or ')}.`);
  for (const value of values) {
    if (!(apiScopes as readonly string[]).includes(value)) throw new UsageError(`--scope "${value}" is not a scope; use ${apiScopes.join(' or ')}.`);
  }
  return apiScopes.filter((scope) => values.includes(scope));
}

/** `api token create NAME --scope S... --ledger PATH`: prints the new token once. */
async function tokenCreate(context: CliContext, name: string | undefined, options: OptionValues): Promise<void> {
  const parsedName = apiTokenNameSchema.safeParse(name ?? '');
  if (!parsedName.success) throw new UsageError(`api token create NAME: ${parsedName.error.issues[0]?.message ?? 'the name is invalid.'}`);
  const scopes = scopesFrom(options);
  await unlockLedgerAt(context, option(options, 'ledger'));
  const { token, secret } = await context.services.api.createToken(parsedName.data, scopes);
  context.output({ ...token, token: secret }, [
    `Created token "${token.name}" (id ${token.id}) with ${token.scopes.join(', ')}.`,
    'Copy it now: Duewatch stores only its SHA-256 and cannot show it again.',
    '',
    `  ${secret}`,
  ]);
}

/** `api token list --ledger PATH`: every token, revoked ones marked; never the tokens themselves. */
async function tokenList(context: CliContext, options: OptionValues): Promise<void> {
  await unlockLedgerAt(context, option(options, 'ledger'));
  const tokens = await context.services.api.tokens(true);
  const lines = tokens.length === 0
    ? ['No API tokens. Create one with: duewatch api token create NAME --scope risk:read --ledger PATH']
    : tokens.map((token) => `${String(token.id).padStart(4)}  ${token.name}  [${token.scopes.join(', ')}]  created ${token.createdAt}${token.revokedAt === null ? '' : `  revoked ${token.revokedAt}`}`);
  context.output(tokens, lines);
}

/** `api token revoke NAME --ledger PATH`: revokes the active token with that name. */
async function tokenRevoke(context: CliContext, name: string | undefined, options: OptionValues): Promise<void> {
  if (name === undefined || name.trim() === '') throw new UsageError('api token revoke needs the token NAME.');
  await unlockLedgerAt(context, option(options, 'ledger'));
  const token = await context.services.api.revokeToken({ name: name.trim() });
  context.output(token, [`Revoked token "${token.name}" (id ${token.id}). Requests with it now get 401.`]);
}
