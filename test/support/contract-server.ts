// A minimal HTTP double of the reference server (docs/api.md) over a memory store, to test createHttpStore on real HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '../../src/model.js';
import { PracticeStoreError } from '../../src/store/errors.js';
import type { FicheAuthoring, PracticeStore } from '../../src/store/port.js';

export interface ContractServer {
  url: string;
  /** Requests received, for header assertions. */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

const STATUS: Record<string, number> = {
  'invalid-declaration': 422, 'already-submitted': 409, 'illegal-transition': 409, 'version-conflict': 409, 'not-found': 404, forbidden: 403, unavailable: 503,
};

const ARRAY_KEYS = new Set(['scales', 'interventionTypes', 'themes', 'audiences', 'relays', 'regions', 'departments', 'years', 'levels', 'state']);

function parseQuery(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) {
    if (ARRAY_KEYS.has(k)) ((out[k] ??= []) as unknown[]).push(k === 'years' ? Number(v) : v);
    else out[k] = ['offset', 'limit'].includes(k) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
  }
  return out;
}

/** Starts the double on 127.0.0.1 with committee tokens; any other bearer token is taken as a declarant's link token. */
export async function startContractServer(store: PracticeStore, tokens: Record<string, Actor>): Promise<ContractServer> {
  const requests: ContractServer['requests'] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const actor: Actor | undefined = bearer ? (tokens[bearer] ?? { id: 'declarant', role: 'declarant', token: bearer }) : undefined;
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const body = raw ? JSON.parse(raw) : undefined;
      const parts = url.pathname.split('/').filter(Boolean);
      if (req.method === 'POST' && url.pathname === '/practices') {
        const p = await store.submit(body.declaration, { idempotencyKey: String(req.headers['idempotency-key'] ?? ''), source: body.source });
        const { declarantToken, ...practice } = p;
        return send(201, { practice, declarantToken });
      }
      if (req.method === 'GET' && parts[0] === 'practices' && parts.length === 2) {
        const view = await store.get(decodeURIComponent(parts[1]!), actor ? { actor } : {});
        return view ? send(200, view) : send(404, { error: { code: 'not-found', message: 'Pratique introuvable.' } });
      }
      if (req.method === 'GET' && url.pathname === '/practices') {
        const q = parseQuery(url);
        return send(200, await store.list({ ...q, states: q.state as never }, { actor: actor as Actor }));
      }
      if (req.method === 'POST' && parts[0] === 'practices' && parts[2] === 'events') {
        // The actor comes from the token, never from the body.
        const event = { ...body, actor };
        return send(200, await store.send(decodeURIComponent(parts[1]!), event, { expectedVersion: Number(req.headers['if-match']) }));
      }
      if (req.method === 'DELETE' && parts[0] === 'practices' && parts[2] === 'personal-data') {
        return send(200, await store.erasePersonalData(decodeURIComponent(parts[1]!), { actor: actor as Actor }));
      }
      const authoring = store as PracticeStore & FicheAuthoring;
      if (req.method === 'POST' && url.pathname === '/fiches') {
        const key = String(req.headers['idempotency-key'] ?? '');
        return send(201, await authoring.createFiche(body.fiche, { actor: actor as Actor, ...(body.basedOn ? { basedOn: body.basedOn } : {}), ...(key ? { idempotencyKey: key } : {}) }));
      }
      if (parts[0] === 'fiches' && parts.length >= 2) {
        const id = decodeURIComponent(parts[1]!);
        if (req.method === 'PUT' && parts.length === 2) {
          return send(200, await authoring.editFiche(id, body.fiche, { actor: actor as Actor, expectedVersion: Number(req.headers['if-match']), ...(body.comment ? { comment: body.comment } : {}) }));
        }
        if (req.method === 'POST' && parts[2] === 'coauthors') {
          const ifMatch = req.headers['if-match'];
          return send(201, await authoring.inviteCoauthor(id, body, { actor: actor as Actor, ...(ifMatch ? { expectedVersion: Number(ifMatch) } : {}) }));
        }
        if (req.method === 'DELETE' && parts[2] === 'coauthors' && parts[3]) {
          return send(200, await authoring.revokeCoauthor(id, decodeURIComponent(parts[3]), { actor: actor as Actor }));
        }
      }
      if (req.method === 'GET' && url.pathname === '/search') return send(200, await store.search(parseQuery(url)));
      if (req.method === 'POST' && url.pathname === '/imports') return send(200, { items: await store.importPractices(body.records, { actor: actor as Actor }) });
      return send(404, { error: { code: 'not-found', message: 'Route inconnue.' } });
    } catch (e) {
      if (e instanceof PracticeStoreError) return send(STATUS[e.code] ?? 500, e.toJSON());
      return send(500, { error: { code: 'unavailable', message: 'Erreur interne.' } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
