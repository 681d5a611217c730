// A per-client limit on submissions (hono-rate-limiter's fixed window in memory), answered in the API's error format.
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';

/** The error code of a refusal by the limit (an HTTP-layer code, beside the store's). */
export const RATE_LIMITED = 'rate-limited';

/**
 * Who a request comes from: the socket's address, or the last address of `trustedHeader` when a
 * reverse proxy sets it. IPv6 addresses count by /64, the block one subscriber usually holds, so a
 * client cannot take a new identity per request by changing its interface identifier.
 */
export function clientKey(c: Context, trustedHeader?: string): string {
  const fromProxy = trustedHeader ? c.req.header(trustedHeader)?.split(',').map((s) => s.trim()).filter(Boolean).at(-1) : undefined;
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  let address = (fromProxy ?? socket ?? 'unknown').toLowerCase().replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (address.includes(':')) address = ipv6Prefix64(address);
  return address;
}

/** The first four groups of an IPv6 address, with `::` expanded (`2001:db8::1` → `2001:db8:0:0::/64`). */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** French wording of a wait: "30 secondes", "1 minute", "12 minutes". */
function wait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}

/**
 * Limits one route's requests per client and window; `limit` 0 lets everything through. A refusal is
 * `429` with `Retry-After` (seconds) and `{ error: { code: 'rate-limited', message } }`, before the
 * body is read: nothing is written.
 */
export function submitRateLimit(options: { limit: number; windowSeconds: number; trustedProxyHeader?: string | undefined; method?: string }): MiddlewareHandler {
  const method = options.method ?? 'POST';
  if (!(options.limit > 0)) return async (_c, next) => next();
  const windowMs = options.windowSeconds * 1000;
  return rateLimiter({
    windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    skip: (c) => c.req.method !== method,
    keyGenerator: (c) => clientKey(c, options.trustedProxyHeader),
    handler: (c) => {
      const resetTime = (c.get('rateLimit' as never) as { resetTime?: Date } | undefined)?.resetTime;
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      const message = `Trop de déclarations envoyées depuis cette connexion en peu de temps (${options.limit} en ${wait(options.windowSeconds)}) ; rien n’a été enregistré. Réessayez dans ${wait(seconds)}.`;
      return c.body(JSON.stringify({ error: { code: RATE_LIMITED, message } }), 429, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': String(seconds),
      });
    },
  });
}
