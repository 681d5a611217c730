// The PracticeStore port spoken over HTTP to the reference server (contract in docs/api.md).
import type { Actor, CoauthorInvitation, DeclarantPractice, Practice, SubmittedPractice } from '../model.js';
import type { ReviewCommand } from '../review/events.js';
import type { SearchQuery, SearchResult } from '../search/index.js';
import type { Campaign, CampaignInput, InvitationView } from './campaigns.js';
import { PracticeStoreError, STORE_ERROR_CODES, type PracticeStoreErrorCode } from './errors.js';
import type { CreateFicheOptions, FicheAuthoring, ImportRecord, ImportReport, ListQuery, ListResult, PracticeStore, PracticeView, SubmitOptions } from './port.js';

/** Options of {@link createHttpStore}. */
export interface HttpStoreOptions {
  /**
   * Bearer token of a committee member or editor, sent for calls that name a committee actor
   * (and for `list` and `importPractices`). A declarant's token travels in `actor.token`; public
   * calls (`search`, `get` without an actor) send no token at all.
   */
  token?: string;
  /** A `fetch` to use instead of the global one (tests, proxies, retries). */
  fetch?: typeof fetch;
  /** Milliseconds before a request is abandoned as `unavailable`. Default 15 000. */
  timeoutMs?: number;
}

const UNAVAILABLE = 'Le serveur des pratiques ne répond pas ; vos données sont conservées, réessayez dans un instant.';

/** Query string of a search or list: arrays repeat their key (`themes=a&themes=b`), empty values are left out. */
export function toQueryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * A store that talks to the reference server. The server takes the actor from the token, never
 * from the body; the `actor` given here only chooses which token to send.
 *
 * @example
 * const store = createHttpStore('https://pratiques.example.org/api', { token: reviewerToken });
 */
export function createHttpStore(baseUrl: string, options: HttpStoreOptions = {}): PracticeStore & FicheAuthoring & Required<Pick<PracticeStore, 'whoAmI'>> {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  /** The token a call sends: none for the public, the link's for a declarant, the configured one for the committee. */
  function tokenFor(actor: Actor | undefined): string | undefined {
    if (!actor) return undefined;
    if (actor.role === 'declarant') return actor.token;
    return actor.token ?? options.token;
  }

  async function request<T>(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; token?: string | undefined; allow404?: boolean } = {}): Promise<T | undefined> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        signal: controller.signal,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      text = await response.text();
    } catch (cause) {
      throw new PracticeStoreError('unavailable', UNAVAILABLE, { cause });
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      // A truncated or non-JSON answer (a proxy's error page) says nothing reliable.
      throw new PracticeStoreError('unavailable', UNAVAILABLE, { cause });
    }
    if (response.ok) {
      // A success without a JSON object (an empty body from a proxy) says nothing reliable either.
      if (json === null || typeof json !== 'object') throw new PracticeStoreError('unavailable', UNAVAILABLE);
      return json as T;
    }
    if (response.status === 404 && init.allow404) return undefined;
    const error = (json as { error?: { code?: string; message?: string; fields?: []; currentVersion?: number; reference?: string } } | undefined)?.error;
    const code: PracticeStoreErrorCode = STORE_ERROR_CODES.includes(error?.code as PracticeStoreErrorCode)
      ? (error!.code as PracticeStoreErrorCode)
      : response.status === 409 ? 'version-conflict'
        : response.status === 404 ? 'not-found'
          : response.status === 401 || response.status === 403 ? 'forbidden'
            : response.status === 400 || response.status === 413 || response.status === 422 ? 'invalid-declaration'
              // 429: the server's limit per client; its message says when to try again.
              : response.status >= 500 || response.status === 429 ? 'unavailable' : 'illegal-transition';
    const extra: { fields?: []; currentVersion?: number; reference?: string } = {};
    if (Array.isArray(error?.fields)) extra.fields = error.fields;
    if (typeof error?.currentVersion === 'number') extra.currentVersion = error.currentVersion;
    if (typeof error?.reference === 'string') extra.reference = error.reference;
    throw new PracticeStoreError(code, typeof error?.message === 'string' ? error.message : UNAVAILABLE, extra);
  }

  const id = (s: string) => encodeURIComponent(String(s));

  return {
    async submit(declaration, opts: SubmitOptions) {
      const res = await request<{ practice: DeclarantPractice; declarantToken: string }>('POST', '/practices', {
        body: { declaration, ...(opts?.source ? { source: opts.source } : {}), ...(opts?.invitation !== undefined ? { invitation: opts.invitation } : {}) },
        headers: opts?.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {},
      });
      if (!res?.practice || typeof res.declarantToken !== 'string') throw new PracticeStoreError('unavailable', UNAVAILABLE);
      return { ...res.practice, declarantToken: res.declarantToken } satisfies SubmittedPractice;
    },
    async get(practiceId, opts: { actor?: Actor } = {}) {
      return request<PracticeView>('GET', `/practices/${id(practiceId)}`, { token: tokenFor(opts?.actor), allow404: true });
    },
    async list(query: ListQuery, opts: { actor: Actor }) {
      const q = (query ?? {}) as ListQuery;
      return (await request<ListResult>('GET', `/practices${toQueryString({ ...q, state: q.states, states: undefined })}`, { token: tokenFor(opts?.actor) ?? options.token }))!;
    },
    async search(query: SearchQuery) {
      return (await request<SearchResult>('GET', `/search${toQueryString(query ?? {})}`))!;
    },
    async send(practiceId, event: ReviewCommand, opts: { expectedVersion: number }) {
      // The server knows the actor from the token: only the event's own fields travel.
      const { actor, ...body } = (event ?? {}) as ReviewCommand & { actor?: Actor };
      return (await request<Practice | DeclarantPractice>('POST', `/practices/${id(practiceId)}/events`, {
        body,
        token: tokenFor(actor),
        headers: { 'If-Match': String(opts?.expectedVersion) },
      }))!;
    },
    async erasePersonalData(practiceId, opts: { actor: Actor }) {
      return (await request<Practice | DeclarantPractice>('DELETE', `/practices/${id(practiceId)}/personal-data`, { token: tokenFor(opts?.actor) }))!;
    },
    async importPractices(records: readonly ImportRecord[], opts: { actor: Actor }) {
      const res = await request<{ items?: Practice[] }>('POST', '/imports', { body: { records }, token: tokenFor(opts?.actor) ?? options.token });
      if (!Array.isArray(res?.items)) throw new PracticeStoreError('unavailable', UNAVAILABLE);
      return res.items;
    },
    async createCampaign(input: CampaignInput, opts: { actor: Actor }) {
      return (await request<Campaign>('POST', '/campaigns', { body: input, token: tokenFor(opts?.actor) ?? options.token }))!;
    },
    async listCampaigns(opts: { actor: Actor }) {
      const res = await request<{ items?: Campaign[] }>('GET', '/campaigns', { token: tokenFor(opts?.actor) ?? options.token });
      if (!Array.isArray(res?.items)) throw new PracticeStoreError('unavailable', UNAVAILABLE);
      return res.items;
    },
    async getCampaign(campaignId: string, opts: { actor?: Actor } = {}) {
      // The organiser's link token travels like a declarant's: as the actor's own token.
      return request<Campaign>('GET', `/campaigns/${id(campaignId)}`, { token: opts?.actor?.token ?? tokenFor(opts?.actor), allow404: true });
    },
    async updateCampaign(campaignId: string, patch: { status?: 'open' | 'closed'; name?: string }, opts: { actor: Actor }) {
      return (await request<Campaign>('PATCH', `/campaigns/${id(campaignId)}`, { body: patch ?? {}, token: tokenFor(opts?.actor) ?? options.token }))!;
    },
    async getInvitation(token: string) {
      return request<InvitationView>('GET', `/invitations/${id(token)}`, { allow404: true });
    },
    async runImport(records: readonly ImportRecord[], opts: { actor: Actor; dryRun?: boolean }) {
      const res = await request<{ report?: ImportReport }>('POST', `/imports${opts?.dryRun ? '?dryRun=1' : ''}`, { body: { records }, token: tokenFor(opts?.actor) ?? options.token });
      if (!res?.report || !Array.isArray(res.report.rows)) throw new PracticeStoreError('unavailable', UNAVAILABLE);
      return res.report;
    },
    async createFiche(fiche: unknown, opts: CreateFicheOptions) {
      return (await request<Practice>('POST', '/fiches', {
        body: { fiche, ...(opts?.basedOn ? { basedOn: opts.basedOn } : {}) },
        token: tokenFor(opts?.actor) ?? options.token,
        headers: opts?.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {},
      }))!;
    },
    async editFiche(ficheId: string, fiche: unknown, opts: { actor: Actor; expectedVersion: number; comment?: string }) {
      return (await request<Practice>('PUT', `/fiches/${id(ficheId)}`, {
        body: { fiche, ...(opts?.comment ? { comment: opts.comment } : {}) },
        token: tokenFor(opts?.actor),
        headers: { 'If-Match': String(opts?.expectedVersion) },
      }))!;
    },
    async inviteCoauthor(ficheId: string, coauthor: { name: string; organisation?: string }, opts: { actor: Actor; expectedVersion?: number }) {
      const res = await request<CoauthorInvitation>('POST', `/fiches/${id(ficheId)}/coauthors`, {
        body: coauthor,
        token: tokenFor(opts?.actor) ?? options.token,
        headers: opts?.expectedVersion !== undefined ? { 'If-Match': String(opts.expectedVersion) } : {},
      });
      if (!res?.link || typeof res.token !== 'string') throw new PracticeStoreError('unavailable', UNAVAILABLE);
      return res;
    },
    async revokeCoauthor(ficheId: string, linkId: string, opts: { actor: Actor }) {
      return (await request<Practice>('DELETE', `/fiches/${id(ficheId)}/coauthors/${id(linkId)}`, { token: tokenFor(opts?.actor) ?? options.token }))!;
    },
    async whoAmI() {
      // The reference server's GET /me; without a token it answers 401, which is `forbidden` like a revoked one.
      const me = await request<{ id?: unknown; role?: unknown; name?: unknown }>('GET', '/me', { token: options.token });
      const role = me?.role;
      if (typeof me?.id !== 'string' || !me.id || (role !== 'reviewer' && role !== 'chair' && role !== 'editor')) throw new PracticeStoreError('unavailable', UNAVAILABLE);
      return { id: me.id, role, ...(typeof me.name === 'string' && me.name ? { name: me.name } : {}) } satisfies Actor;
    },
  };
}
