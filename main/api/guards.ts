import type { FastifyRequest } from 'fastify';
import { networkInterfaces } from 'node:os';
import { TokenBuckets } from '../../core/api/token-bucket';
import type { ApiScope } from '../../core/contract/api';
import { bearerToken, isAllowedHost, isAllowedOrigin } from '../server/security';
import type { ApiPrincipal } from '../services/api/tokens';
import type { Services } from '../services/index';
import { ApiError } from './errors';

/** Per-route settings Fastify keeps in `routeOptions.config`. */
export interface RouteConfig {
  readonly scope?: ApiScope | null;
}

export interface Binding {
  readonly address: string;
  port: number;
  /** Host names besides 127.0.0.1, localhost and [::1] that requests may be addressed to. */
  extraHosts: readonly string[];
}

const wildcardAddresses = new Set(['0.0.0.0', '::']);

/**
 * Lists the Host values a request may carry for a bind address: the address itself, and for
 * 0.0.0.0 or :: every address of this computer's network interfaces when the server starts (IPv6
 * in brackets, as a Host header writes it). DNS names other than localhost are never accepted, so
 * a rebinding page, which sends its own name, is rejected.
 * NOTE: interfaces that appear after the server starts (a new DHCP lease) are not accepted
 * until the API restarts.
 */
export function extraHostsFor(address: string): string[] {
  const wrap = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);
  if (!wildcardAddresses.has(address)) return [wrap(address)];
  const addresses: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (address === '0.0.0.0' && entry.family !== 'IPv4') continue;
      addresses.push(wrap(entry.address));
    }
  }
  return addresses;
}

export interface GuardOptions {
  readonly services: Services;
  readonly binding: Binding;
  /** Milliseconds from a monotonic clock, for the rate limit. */
  readonly clock: () => number;
  /** Restart the ledger's idle timer on each authenticated request (the command-line server only). */
  readonly keepSessionAlive: boolean;
}

function checkAddressing(request: FastifyRequest, binding: Binding): void {
  if (!isAllowedHost(request.headers.host, binding.port, binding.extraHosts)) {
    throw new ApiError(403, 'forbidden', `This API accepts only requests addressed to ${binding.address === '127.0.0.1' ? '127.0.0.1 or localhost' : 'this computer\'s IP address'} on port ${binding.port}.`);
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (!isAllowedOrigin(request.headers.origin, binding.port, binding.extraHosts) || fetchSite === 'cross-site' || fetchSite === 'same-site') {
    throw new ApiError(403, 'forbidden', 'Requests from web pages are rejected; call the API from a program.');
  }
}

function authenticate(request: FastifyRequest, services: Services): ApiPrincipal {
  const token = bearerToken(request.raw);
  const challenge = { 'www-authenticate': 'Bearer realm="duewatch"' };
  if (token === null) throw new ApiError(401, 'forbidden', 'Send a token in the header "Authorization: Bearer TOKEN". Create tokens in Duewatch under Settings, Local API.', undefined, challenge);
  const result = services.api.authenticate(token);
  if (result.ok) return result.principal;
  const message = result.revokedAt === null ? 'The token is not valid for this ledger. Check that it was copied whole.' : `The token was revoked at ${result.revokedAt}. Create a new one in Duewatch.`;
  throw new ApiError(401, 'forbidden', message, undefined, challenge);
}

/**
 * Returns the check that runs before every request, in this order: the Host and Origin headers
 * (403), an unlocked ledger (423), the bearer token (401), the token's rate limit (429) and the
 * route's scope (403). Public routes need only the first. Nothing here reads the body, so a
 * rejected request is never parsed.
 */
export function createGuard(options: GuardOptions): (request: FastifyRequest) => Promise<void> {
  const buckets = new TokenBuckets();
  return async (request) => {
    checkAddressing(request, options.binding);
    const config = request.routeOptions.config as RouteConfig;
    if (config.scope === null) return;
    if (options.services.session.unlocked === null) {
      throw new ApiError(423, 'locked', 'The Duewatch ledger is locked. Unlock it in Duewatch, then retry: the API serves requests only while the ledger is unlocked.');
    }
    const principal = authenticate(request, options.services);
    const taken = buckets.take(`token:${principal.tokenId}`, options.services.api.rateLimit(), options.clock());
    if (!taken.allowed) {
      throw new ApiError(429, 'rate_limited', `Too many requests for this token. Retry after ${taken.retryAfterSeconds} s.`, undefined, { 'retry-after': String(taken.retryAfterSeconds) });
    }
    if (config.scope !== undefined && !principal.scopes.includes(config.scope)) {
      throw new ApiError(403, 'forbidden', `This token lacks the scope ${config.scope}. Create a token with that scope.`);
    }
    request.principal = principal;
    if (options.keepSessionAlive) options.services.session.touch();
  };
}
