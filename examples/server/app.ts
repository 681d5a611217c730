// The HTTP contract of docs/api.md over any PracticeStore, as a Hono application.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  createFeed, declarationJsonSchema, exportFileName, isPracticeStoreError, practicesToCsv, PracticeStoreError, taxonomy,
  type Actor, type FicheAuthoring, type ListQuery, type PracticeStore, type PublicPractice, type SearchQuery,
} from '../../src/index.js';
import { readImport, reportForFile } from '../../src/import/index.js';
import { practicesToAtom } from './atom.js';
import { tokenIdentity, type Identify } from './auth.js';
import { openApiDocument } from './openapi.js';
import { submitRateLimit } from './rate-limit.js';
import type { ServerConfig } from './config.js';

/** What {@link createApp} needs. */
export interface AppOptions {
  store: PracticeStore;
  config: Pick<ServerConfig, 'basePath' | 'tokens' | 'partnerOrigins' | 'boardOrigins' | 'bodyLimit'> & Partial<Pick<ServerConfig, 'publicUrl' | 'libraryUrl' | 'importBodyLimit' | 'submitRate' | 'trustedProxyHeader'>>;
  /** Who is asking; default: the configured committee tokens, else a declarant's link token. */
  identify?: Identify;
  /** Published practices for the feeds, in the library's order; default: pages through `store.search`. */
  published?: () => Promise<PublicPractice[]>;
  /** Throws when storage is unreachable (`GET /health`). */
  health?: () => Promise<void>;
  clock?: () => Date;
  /** Where failures of storage and unexpected errors are reported. Default `console.error`. */
  logError?: (message: string, error: unknown) => void;
}

const STATUS: Record<string, number> = {
  'invalid-declaration': 422, 'already-submitted': 409, 'illegal-transition': 409, 'version-conflict': 409, 'not-found': 404, forbidden: 403, unavailable: 503,
};

/** Who may call a route from a browser page, by origin. */
type Audience = 'public' | 'declarant' | 'committee';

const ARRAY_KEYS = new Set(['scales', 'interventionTypes', 'themes', 'audiences', 'relays', 'regions', 'departments', 'years', 'levels', 'campaigns', 'state']);
const MAX_KEY_LENGTH = 200;
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match';

/** A refusal made by the HTTP layer itself, in the store's error format. */
class HttpRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The methods a path answers, for CORS, before routing. */
function methodsOf(path: string): string[] | undefined {
  if (path === '/practices') return ['GET', 'POST'];
  if (/^\/practices\/[^/]+$/.test(path)) return ['GET'];
  if (/^\/practices\/[^/]+\/events$/.test(path) || path === '/imports') return ['POST'];
  if (/^\/practices\/[^/]+\/personal-data$/.test(path)) return ['DELETE'];
  if (path === '/me') return ['GET'];
  if (path === '/campaigns') return ['GET', 'POST'];
  if (/^\/campaigns\/[^/]+$/.test(path)) return ['GET', 'PATCH'];
  if (/^\/invitations\/[^/]+$/.test(path)) return ['GET'];
  // Fiche authoring: the editor, and co-authors through their link on /fiches/:id and its versions.
  if (path === '/fiches') return ['POST'];
  if (/^\/fiches\/[^/]+$/.test(path)) return ['PUT'];
  if (/^\/fiches\/[^/]+\/versions$/.test(path)) return ['GET'];
  if (/^\/fiches\/[^/]+\/(coauthors|publish|actualise)$/.test(path)) return ['POST'];
  if (/^\/fiches\/[^/]+\/coauthors\/[^/]+$/.test(path)) return ['DELETE'];
  if (path === '/feed/valorisees.atom') return ['GET'];
  if (['/search', '/feed.json', '/feed.csv', '/feed.atom', '/taxonomy.json', '/declaration.schema.json', '/openapi.json', '/health'].includes(path)) return ['GET'];
  return undefined;
}

/** Who a route serves: the committee's lists and imports come from the board only; the declarant's link works from partner sites. */
function audienceOf(path: string, method: string): Audience {
  if ((path === '/practices' && method === 'GET') || path === '/imports' || path === '/me' || path === '/campaigns') return 'committee';
  // A campaign's organiser reads it through the secret link from wherever the link is opened; changes are the editor's.
  if (path.startsWith('/campaigns/')) return method === 'GET' ? 'declarant' : 'committee';
  if (path.startsWith('/practices/')) return 'declarant';
  // A co-author's link works where the editor sends it; the rest of authoring is the board's.
  if (/^\/fiches\/[^/]+(\/versions)?$/.test(path)) return 'declarant';
  if (path.startsWith('/fiches')) return 'committee';
  return 'public';
}

function parseQuery(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) {
    if (v === '') continue;
    if (ARRAY_KEYS.has(k)) ((out[k] ??= []) as unknown[]).push(k === 'years' ? Number(v) : v);
    else out[k] = ['offset', 'limit'].includes(k) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
  }
  return out;
}

// PostgreSQL cannot store U+0000 in text or jsonb, nor a lone surrogate in jsonb: such text is refused up front.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string anywhere in `value` (keys included) holds what the database cannot store. */
function holdsUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (!value || typeof value !== 'object' || depth > 64) return false;
  for (const [k, v] of Object.entries(value)) if (UNSTORABLE.test(k) || holdsUnstorable(v, depth + 1)) return true;
  return false;
}
const UNSTORABLE_MESSAGE = 'Le texte envoyé contient un caractère invalide (caractère nul ou demi-caractère Unicode isolé) ; retirez-le avant de renvoyer.';

/** `If-Match: 3`, also as an entity tag (`"3"`, `W/"3"`). */
function versionOf(header: string | undefined): number | undefined {
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * The reference server's routes over a store. Mount it anywhere (`basePath`); start it with
 * `createServer`, or hand `app.fetch` to any runtime that speaks the Fetch API.
 */
export function createApp(options: AppOptions): Hono {
  const { store, config } = options;
  const basePath = config.basePath.replace(/\/+$/, '');
  const identify = options.identify ?? tokenIdentity(config.tokens);
  const clock = options.clock ?? (() => new Date());
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const partners = new Set(config.partnerOrigins.map((o) => o.replace(/\/+$/, '')));
  const board = new Set(config.boardOrigins.map((o) => o.replace(/\/+$/, '')));
  let schema: Record<string, unknown> | undefined;
  let openApi: Record<string, unknown> | undefined;

  const published = options.published ?? (async () => {
    const items: PublicPractice[] = [];
    for (let offset = 0; ; offset += 100) {
      // Relevance without text is the library's order.
      const page = await store.search({ offset, limit: 100 });
      items.push(...page.items);
      if (page.items.length < 100 || items.length >= page.total) return items;
    }
  });

  function originAllowed(origin: string, audience: Audience, own: string): boolean {
    if (origin === own || board.has(origin) || board.has('*')) return true;
    return audience !== 'committee' && (partners.has(origin) || partners.has('*'));
  }

  const json = (c: Context, body: unknown, status = 200, headers: Record<string, string> = {}) => {
    return c.body(JSON.stringify(body), status as 200, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  };
  const refuse = (c: Context, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    json(c, { error: { code, message } }, status, headers);

  async function actorOf(c: Context): Promise<Actor | undefined> {
    return (await identify(c.req.raw)) ?? undefined;
  }
  async function requireActor(c: Context): Promise<Actor> {
    const actor = await actorOf(c);
    if (!actor) throw new HttpRefusal(401, 'forbidden', 'Authentification requise : joignez votre jeton (en-tête Authorization: Bearer …).');
    return actor;
  }

  async function readBody(c: Context): Promise<Record<string, unknown>> {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      throw new HttpRefusal(400, 'invalid-declaration', 'Le corps de la requête n’est pas du JSON valide.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpRefusal(400, 'invalid-declaration', 'Le corps de la requête doit être un objet JSON.');
    }
    if (holdsUnstorable(body)) throw new HttpRefusal(400, 'invalid-declaration', UNSTORABLE_MESSAGE);
    return body as Record<string, unknown>;
  }

  const app = new Hono();
  const api = new Hono();

  // CORS and origin checks come first: a page from an unlisted site gets no answer it could read, and writes nothing.
  api.use('*', async (c, next) => {
    c.header('Vary', 'Origin');
    c.header('X-Content-Type-Options', 'nosniff');
    const path = c.req.path.slice(basePath.length) || '/';
    const methods = methodsOf(path);
    const origin = c.req.header('origin');
    if (!origin || !methods) return next();
    const preflight = c.req.method === 'OPTIONS';
    const method = preflight ? (c.req.header('access-control-request-method') ?? '').toUpperCase() : c.req.method;
    const own = new URL(c.req.url).origin;
    const trimmed = origin.replace(/\/+$/, '');
    if (!originAllowed(trimmed, audienceOf(path, method), own)) {
      return refuse(c, 403, 'forbidden', `Ce site (${origin.slice(0, 200)}) n’est pas autorisé à appeler le serveur des pratiques.`);
    }
    c.header('Access-Control-Allow-Origin', origin);
    if (preflight) {
      // Only the methods this origin may use on this path are announced.
      const usable = methods.filter((m) => originAllowed(trimmed, audienceOf(path, m), own));
      return c.body(null, 204, {
        'Access-Control-Allow-Methods': [...usable, 'OPTIONS'].join(', '),
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
    }
    c.header('Access-Control-Expose-Headers', 'ETag, Location, Retry-After');
    return next();
  });

  api.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    if (holdsUnstorable(c.req.path) || [...url.searchParams].some(([k, v]) => holdsUnstorable(k) || holdsUnstorable(v))) {
      return refuse(c, 400, 'invalid-declaration', UNSTORABLE_MESSAGE);
    }
    return next();
  });

  // Before the body is read: a client over its limit costs a counter, not a parse.
  if (config.submitRate) api.use('/practices', submitRateLimit({ ...config.submitRate, trustedProxyHeader: config.trustedProxyHeader }));

  const importLimit = config.importBodyLimit ?? 2 * 1024 * 1024;
  api.use('/imports', bodyLimit({
    maxSize: importLimit,
    onError: (c) => refuse(c, 413, 'invalid-declaration', `Le fichier dépasse la taille autorisée pour un import (${Math.round(importLimit / 1024)} Ko) ; rien n’a été importé. Découpez-le en plusieurs fichiers.`, { Connection: 'close' }),
  }));
  api.use('*', async (c, next) => (c.req.path === `${basePath}/imports` ? next() : generalLimit(c, next)));
  const generalLimit = bodyLimit({
    maxSize: config.bodyLimit,
    // The rest of the body is not read: the connection is closed after the answer, so a client never reuses it half-read.
    onError: (c) => refuse(c, 413, 'invalid-declaration', `La requête dépasse la taille autorisée (${Math.round(config.bodyLimit / 1024)} Ko) ; rien n’a été enregistré.`, { Connection: 'close' }),
  });

  api.post('/practices', async (c) => {
    const key = (c.req.header('idempotency-key') ?? '').trim();
    if (key.length > MAX_KEY_LENGTH) throw new HttpRefusal(400, 'invalid-declaration', `La clé d’idempotence dépasse ${MAX_KEY_LENGTH} caractères.`);
    const body = await readBody(c);
    // Whatever `actor` the body claims is ignored: a submission is always the public's.
    const submitted = await store.submit(body.declaration, {
      idempotencyKey: key,
      ...(body.source !== undefined ? { source: body.source as never } : {}),
      // The store resolves the invitation: the campaign and the partner are never taken from the body.
      ...(body.invitation !== undefined ? { invitation: body.invitation as string } : {}),
    });
    const { declarantToken, ...practice } = submitted;
    return json(c, { practice, declarantToken }, 201, { 'Cache-Control': 'no-store', Location: `${basePath}/practices/${encodeURIComponent(practice.id)}` });
  });

  api.get('/practices/:id', async (c) => {
    const actor = await actorOf(c);
    const view = await store.get(c.req.param('id'), actor ? { actor } : {});
    if (!view) {
      return refuse(c, 404, 'not-found', actor ? 'Aucune pratique ne correspond à cet identifiant pour ce jeton.' : 'Aucune pratique publiée ne porte cet identifiant.');
    }
    const headers: Record<string, string> = { 'Cache-Control': actor ? 'private, no-store' : 'public, max-age=60' };
    if ('version' in view) headers.ETag = `"${view.version}"`;
    return json(c, view, 200, headers);
  });

  api.post('/practices/:id/events', async (c) => {
    const body = await readBody(c);
    const actor = await actorOf(c);
    // An unreadable event is refused by the store as such, whoever sends it; a readable one needs a sender.
    if (typeof body.type === 'string') {
      if (!actor) throw new HttpRefusal(401, 'forbidden', 'Authentification requise : joignez votre jeton (en-tête Authorization: Bearer …).');
      if (versionOf(c.req.header('if-match')) === undefined) {
        throw new HttpRefusal(428, 'version-conflict', 'L’en-tête If-Match doit indiquer la version de la pratique sur laquelle porte l’action ; rechargez-la avant de recommencer.');
      }
    }
    // Only the event's own fields travel: the actor is the token's, `at` is the store's.
    const command: Record<string, unknown> = { type: body.type, actor };
    for (const field of ['comment', 'opinion', 'into', 'declaration'] as const) if (body[field] !== undefined) command[field] = body[field];
    const view = await store.send(c.req.param('id'), command as never, { expectedVersion: versionOf(c.req.header('if-match')) as number });
    return json(c, view, 200, { 'Cache-Control': 'no-store', ETag: `"${view.version}"` });
  });

  api.delete('/practices/:id/personal-data', async (c) => {
    const actor = await requireActor(c);
    const view = await store.erasePersonalData(c.req.param('id'), { actor });
    return json(c, view, 200, { 'Cache-Control': 'no-store', ETag: `"${view.version}"` });
  });

  api.get('/practices', async (c) => {
    const actor = await requireActor(c);
    const q = parseQuery(new URL(c.req.url));
    const query: ListQuery = {};
    if (Array.isArray(q.state)) query.states = q.state as ListQuery['states'];
    if (q.level === 'declared' || q.level === 'onpe') query.level = q.level;
    if (typeof q.awaitingOpinionOf === 'string') query.awaitingOpinionOf = q.awaitingOpinionOf;
    if (q.awaitingDecision === true) query.awaitingDecision = true;
    if (typeof q.campaign === 'string') query.campaign = q.campaign;
    if (typeof q.offset === 'number' && Number.isFinite(q.offset)) query.offset = q.offset;
    if (typeof q.limit === 'number' && Number.isFinite(q.limit)) query.limit = q.limit;
    return json(c, await store.list(query, { actor }), 200, { 'Cache-Control': 'private, no-store' });
  });

  // Who the token is: a board can show its member's name and role without the page describing them.
  api.get('/me', async (c) => {
    const actor = await requireActor(c);
    if (actor.role === 'declarant') throw new HttpRefusal(403, 'forbidden', 'Ce jeton n’est pas celui d’un membre du comité.');
    const { token: _secret, ...member } = actor;
    return json(c, member, 200, { 'Cache-Control': 'private, no-store' });
  });

  api.post('/imports', async (c) => {
    const actor = await requireActor(c);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const csv = type === 'text/csv';
    if (!csv && type !== 'application/json') {
      throw new HttpRefusal(415, 'invalid-declaration', 'Un import s’envoie en JSON (Content-Type: application/json) ou en CSV (Content-Type: text/csv).');
    }
    const text = await c.req.text();
    const q = new URL(c.req.url).searchParams;
    const dryRun = ['1', 'true', 'oui'].includes((q.get('dryRun') ?? '').toLowerCase());
    const origin = q.get('origin') ?? undefined;
    const unknownOrigin = () => new HttpRefusal(400, 'invalid-declaration', 'Origine de l’import inconnue : indiquez origin=onpe (fiches de l’observatoire) ou origin=ddf (Départements de France).');
    if (origin !== undefined && origin !== 'onpe' && origin !== 'ddf') throw unknownOrigin();
    if (!store.runImport) throw new HttpRefusal(501, 'unavailable', 'Ce stockage ne sait pas vérifier un import.');
    // A JSON file may say its origin itself ({ "origin": "ddf", "records": [...] }): readImport reads it, the query's wins.
    const read = readImport(text, { format: csv ? 'csv' : 'json', ...(origin ? { origin } : {}) });
    if (read.problems.some((p) => p.index < 0 && p.field === 'origin')) throw unknownOrigin();
    // On what was read, not the text: a JSON escape (\u0000, a lone \ud800) becomes the character only once parsed.
    if (holdsUnstorable(read.records)) throw new HttpRefusal(400, 'invalid-declaration', UNSTORABLE_MESSAGE);
    // The dry run and the real import ask the store the same question: the domain's checks, then (if asked) the write.
    const checked = reportForFile(read, await store.runImport(read.records, { actor, dryRun: true }));
    if (dryRun) return json(c, { items: [], report: checked }, 200, { 'Cache-Control': 'no-store' });
    if (!checked.ok) {
      const fields = checked.problems.map((p) => ({ field: p.index < 0 ? p.field : p.field ? `${p.index}.${p.field}` : String(p.index), code: p.code, message: p.message }));
      return json(c, {
        error: { code: 'invalid-declaration', message: `${checked.problems.length} problème(s) dans l’import ; rien n’a été importé. ${checked.problems.slice(0, 5).map((p) => p.message).join(' ')}`, fields },
        report: checked,
      }, 422, { 'Cache-Control': 'no-store' });
    }
    const done = reportForFile(read, await store.runImport(read.records, { actor }));
    return json(c, { items: done.items, report: done }, 200, { 'Cache-Control': 'no-store' });
  });

  const campaignsOf = () => {
    const { createCampaign, listCampaigns, getCampaign, updateCampaign, getInvitation } = store;
    if (!createCampaign || !listCampaigns || !getCampaign || !updateCampaign || !getInvitation) {
      throw new HttpRefusal(501, 'unavailable', 'Ce stockage ne gère pas les campagnes de collecte.');
    }
    return { createCampaign, listCampaigns, getCampaign, updateCampaign, getInvitation };
  };

  api.post('/campaigns', async (c) => {
    const actor = await requireActor(c);
    const body = await readBody(c);
    const campaign = await campaignsOf().createCampaign(body as never, { actor });
    return json(c, campaign, 201, { 'Cache-Control': 'no-store', Location: `${basePath}/campaigns/${encodeURIComponent(campaign.id)}` });
  });

  api.get('/campaigns', async (c) => {
    const actor = await requireActor(c);
    return json(c, { items: await campaignsOf().listCampaigns({ actor }) }, 200, { 'Cache-Control': 'private, no-store' });
  });

  // The committee, or the organiser with the campaign's secret link token.
  api.get('/campaigns/:id', async (c) => {
    const actor = await requireActor(c);
    const campaign = await campaignsOf().getCampaign(c.req.param('id'), { actor });
    if (!campaign) return refuse(c, 404, 'not-found', 'Aucune campagne ne correspond à cet identifiant pour ce jeton.');
    return json(c, campaign, 200, { 'Cache-Control': 'private, no-store' });
  });

  api.patch('/campaigns/:id', async (c) => {
    const actor = await requireActor(c);
    const body = await readBody(c);
    const patch: { status?: 'open' | 'closed'; name?: string } = {};
    if (body.status !== undefined) patch.status = body.status as never;
    if (body.name !== undefined) patch.name = body.name as never;
    return json(c, await campaignsOf().updateCampaign(c.req.param('id'), patch, { actor }), 200, { 'Cache-Control': 'no-store' });
  });

  // What a form opened from an invitation link shows before anything is typed: the campaign's name and whether it is open.
  api.get('/invitations/:token', async (c) => {
    const view = await campaignsOf().getInvitation(c.req.param('token'));
    if (!view) return refuse(c, 404, 'not-found', 'Ce lien d’invitation ne correspond à aucune campagne.');
    return json(c, view, 200, { 'Cache-Control': 'no-store' });
  });

  api.get('/search', async (c) => json(c, await store.search(parseQuery(new URL(c.req.url)) as SearchQuery), 200, { 'Cache-Control': 'no-cache' }));

  const PUBLIC_CACHE = { 'Cache-Control': 'public, max-age=60' };
  /** The published practices of the feeds, of one campaign when `?campaign=` names it (a campaign is public: it names organisations). */
  const publishedFor = async (c: Context) => {
    const campaign = c.req.query('campaign');
    const items = await published();
    return campaign ? items.filter((p) => p.campaign?.id === campaign) : items;
  };

  api.get('/feed.json', async (c) => json(c, createFeed(await publishedFor(c), clock(), { order: 'library' }), 200, PUBLIC_CACHE));

  api.get('/feed.csv', async (c) => {
    const lang = c.req.query('lang');
    const csv = practicesToCsv(await publishedFor(c), {
      ...(lang === 'en' || lang === 'de' || lang === 'fr' ? { lang } : {}),
      ...(c.req.query('separator') === ',' ? { separator: ',' as const } : {}),
    });
    return c.body(csv, 200, {
      ...PUBLIC_CACHE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName('csv', clock())}"`,
    });
  });

  api.get('/feed.atom', async (c) => {
    const self = config.publicUrl ?? `${new URL(c.req.url).origin}${basePath}`;
    // A feed reader expects the newest entries first, highlighted or not.
    const items = (await publishedFor(c)).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
    const xml = practicesToAtom(items, { baseUrl: self, generatedAt: clock().toISOString(), libraryUrl: config.libraryUrl });
    return c.body(xml, 200, { ...PUBLIC_CACHE, 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  // The committee's highlights, for portals to embed: each entry says why the committee features it.
  api.get('/feed/valorisees.atom', async (c) => {
    const self = config.publicUrl ?? `${new URL(c.req.url).origin}${basePath}`;
    const items = (await published())
      .filter((p) => p.featured && p.highlight)
      .sort((a, b) => b.highlight!.at.localeCompare(a.highlight!.at) || a.id.localeCompare(b.id));
    const xml = practicesToAtom(items, {
      baseUrl: self, path: '/feed/valorisees.atom', highlights: true, generatedAt: clock().toISOString(), libraryUrl: config.libraryUrl,
      title: 'Pratiques valorisées par le comité de sélection',
    });
    return c.body(xml, 200, { ...PUBLIC_CACHE, 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  /** The store's fiche authoring, or a clear refusal when the store has none. */
  const authoring = (): FicheAuthoring => {
    const s = store as PracticeStore & Partial<FicheAuthoring>;
    if (!s.createFiche || !s.editFiche || !s.inviteCoauthor || !s.revokeCoauthor) throw new HttpRefusal(404, 'not-found', 'Ce serveur ne permet pas de rédiger des fiches.');
    return s as FicheAuthoring;
  };
  const ifMatch = (c: Context, what: string): number => {
    const version = versionOf(c.req.header('if-match'));
    if (version === undefined) throw new HttpRefusal(428, 'version-conflict', `L’en-tête If-Match doit indiquer la version de la fiche ${what} ; rechargez-la avant de recommencer.`);
    return version;
  };
  const written = (c: Context, view: { version: number }, status = 200) => json(c, view, status, { 'Cache-Control': 'no-store', ETag: `"${view.version}"` });

  api.post('/fiches', async (c) => {
    const actor = await requireActor(c);
    const key = (c.req.header('idempotency-key') ?? '').trim();
    if (key.length > MAX_KEY_LENGTH) throw new HttpRefusal(400, 'invalid-declaration', `La clé d’idempotence dépasse ${MAX_KEY_LENGTH} caractères.`);
    const body = await readBody(c);
    const basedOn = Array.isArray(body.basedOn) ? body.basedOn.map(String) : undefined;
    const practice = await authoring().createFiche(body.fiche, { actor, ...(basedOn ? { basedOn } : {}), ...(key ? { idempotencyKey: key } : {}) });
    return json(c, practice, 201, { 'Cache-Control': 'no-store', ETag: `"${practice.version}"`, Location: `${basePath}/practices/${encodeURIComponent(practice.id)}` });
  });

  api.put('/fiches/:id', async (c) => {
    const actor = await requireActor(c);
    const body = await readBody(c);
    const expectedVersion = ifMatch(c, 'que vous modifiez');
    const comment = typeof body.comment === 'string' ? body.comment : undefined;
    return written(c, await authoring().editFiche(c.req.param('id'), body.fiche, { actor, expectedVersion, ...(comment ? { comment } : {}) }));
  });

  api.get('/fiches/:id/versions', async (c) => {
    const actor = await requireActor(c);
    const view = await store.get(c.req.param('id'), { actor });
    if (!view || view.level !== 'onpe' || !('ficheVersions' in view || 'review' in view)) {
      throw new HttpRefusal(404, 'not-found', 'Aucune fiche ne correspond à cet identifiant pour ce jeton.');
    }
    const versions = (view as { ficheVersions?: unknown[] }).ficheVersions ?? [];
    return json(c, { id: view.id, reference: view.reference, version: (view as { version: number }).version, versions }, 200, { 'Cache-Control': 'private, no-store' });
  });

  api.post('/fiches/:id/coauthors', async (c) => {
    const actor = await requireActor(c);
    const body = await readBody(c);
    const expectedVersion = versionOf(c.req.header('if-match'));
    const invitation = await authoring().inviteCoauthor(c.req.param('id'), { name: body.name as string, ...(typeof body.organisation === 'string' ? { organisation: body.organisation } : {}) },
      { actor, ...(expectedVersion !== undefined ? { expectedVersion } : {}) });
    return json(c, invitation, 201, { 'Cache-Control': 'no-store', ETag: `"${invitation.practice.version}"` });
  });

  api.delete('/fiches/:id/coauthors/:linkId', async (c) => {
    const actor = await requireActor(c);
    return written(c, await authoring().revokeCoauthor(c.req.param('id'), c.req.param('linkId'), { actor }));
  });

  for (const [path, type] of [['publish', 'PUBLISH'], ['actualise', 'ACTUALISE']] as const) {
    api.post(`/fiches/:id/${path}`, async (c) => {
      const actor = await requireActor(c);
      const body = await readBody(c).catch(() => ({}) as Record<string, unknown>);
      const expectedVersion = ifMatch(c, type === 'PUBLISH' ? 'à publier' : 'à actualiser');
      const command = { type, actor, ...(typeof body.comment === 'string' ? { comment: body.comment } : {}) };
      return written(c, await store.send(c.req.param('id'), command as never, { expectedVersion }));
    });
  }

  api.get('/taxonomy.json', (c) => json(c, taxonomy, 200, PUBLIC_CACHE));

  api.get('/declaration.schema.json', (c) => {
    schema ??= declarationJsonSchema();
    return json(c, schema, 200, { ...PUBLIC_CACHE, 'Content-Type': 'application/schema+json; charset=utf-8' });
  });

  // The server it describes is this one, wherever it is mounted.
  api.get('/openapi.json', (c) => json(c, (openApi ??= openApiDocument(basePath || '/')), 200, PUBLIC_CACHE));

  api.get('/health', async (c) => {
    await options.health?.();
    return json(c, { status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
  });

  api.notFound((c) => refuse(c, 404, 'not-found', `Aucune route ${c.req.method} ${c.req.path.slice(0, 200)} sur ce serveur.`));

  api.onError((e, c) => {
    if (e instanceof HttpRefusal) return refuse(c, e.status, e.code, e.message, e.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="pratiques-inspirantes"' } : {});
    if (isPracticeStoreError(e)) {
      const err = e as PracticeStoreError;
      // A committee route without any token is 401 (who are you?), with a token that is not the committee's 403.
      const anonymous = err.code === 'forbidden' && !c.req.header('authorization');
      const status = anonymous ? 401 : (STATUS[err.code] ?? 500);
      if (status >= 500) logError('Stockage indisponible :', (err as { cause?: unknown }).cause ?? err);
      return json(c, typeof err.toJSON === 'function' ? err.toJSON() : { error: { code: err.code, message: err.message } }, status,
        anonymous ? { 'WWW-Authenticate': 'Bearer realm="pratiques-inspirantes"' } : {});
    }
    logError('Erreur interne :', e);
    return refuse(c, 500, 'unavailable', 'Le serveur des pratiques a rencontré une erreur ; réessayez dans un instant.');
  });

  app.route(basePath || '/', api);
  // Outside the API's base path (npm start mounts it under /api), unknown paths are still JSON 404s.
  app.notFound((c) => refuse(c, 404, 'not-found', `Aucune route ${c.req.method} ${c.req.path.slice(0, 200)} sur ce serveur.`));
  return app;
}
