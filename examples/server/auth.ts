// Who is asking: the actor comes from the request's credentials, never from its body.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../src/index.js';
import type { CommitteeMember } from './config.js';

/**
 * Turns a request into the actor it speaks for, or `undefined` for the public. A deployment with
 * its own identity provider (OIDC, SAML behind a proxy, a session) passes its own function to
 * `createApp`; see docs/server.md.
 */
export type Identify = (request: Request) => Actor | undefined | Promise<Actor | undefined>;

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(request: Request): string | undefined {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1];
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Committee tokens from the configuration; any other bearer token is taken as a declarant's
 * secret link token, which the store checks against the practice asked for.
 *
 * Every configured token is compared, each in constant time over equal-length digests, so the
 * answer's timing says neither which token nor how much of one matched.
 */
export function tokenIdentity(tokens: Readonly<Record<string, CommitteeMember>>): Identify {
  const table = Object.entries(tokens).map(([token, member]) => ({ hash: digest(token), member }));
  return (request) => {
    const token = bearerToken(request);
    if (!token) return undefined;
    const hash = digest(token);
    let found: CommitteeMember | undefined;
    for (const entry of table) {
      if (timingSafeEqual(hash, entry.hash)) found = entry.member;
    }
    if (found) return { id: found.id, role: found.role, ...(found.name ? { name: found.name } : {}) };
    return { id: 'declarant', role: 'declarant', token };
  };
}
