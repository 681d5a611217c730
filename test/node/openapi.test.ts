// The OpenAPI document of the reference server: every route the app registers is in it (and nothing else), and real answers fit its schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
// ajv-formats is CommonJS: its function is the default export's default under NodeNext.
const addFormats = formats as unknown as typeof formats.default;
import { createApp } from '../../examples/server/app.js';
import { DEFAULT_CONFIG } from '../../examples/server/config.js';
import { openApiDocument } from '../../examples/server/openapi.js';
import { createExampleStore } from '../../examples/data/index.js';
import { declarationJsonSchema, FACET_NAMES } from '../../src/index.js';
import { TOKENS } from '../support/server.js';
import { validInput } from '../support/declarations.js';

type Doc = { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const editorToken = Object.entries(TOKENS).find(([, m]) => m.role === 'editor')![0];

function app(basePath = '') {
  return createApp({ store: createExampleStore(), config: { ...DEFAULT_CONFIG, basePath, tokens: TOKENS } });
}

/** "POST /practices/{id}/events" for each route a Hono app answers (middleware excluded). */
function routesOf(hono: ReturnType<typeof createApp>, basePath = ''): string[] {
  return [...new Set(hono.routes
    .filter((r) => HTTP_METHODS.has(r.method.toLowerCase()))
    .map((r) => `${r.method.toUpperCase()} ${r.path.slice(basePath.length).replace(/:([A-Za-z]+)/g, '{$1}')}`))].sort();
}

const documented = (doc: Doc) => Object.entries(doc.paths)
  .flatMap(([path, ops]) => Object.keys(ops).filter((m) => HTTP_METHODS.has(m)).map((m) => `${m.toUpperCase()} ${path}`)).sort();

test('every route the app registers is described, and every described route exists', () => {
  const doc = openApiDocument() as unknown as Doc;
  const routes = routesOf(app());
  assert.ok(routes.length >= 15, routes.join(', '));
  const described = documented(doc);
  assert.deepEqual(routes.filter((r) => !described.includes(r)), [], 'routes the app answers that examples/server/openapi.ts does not describe');
  assert.deepEqual(described.filter((r) => !routes.includes(r)), [], 'routes examples/server/openapi.ts describes that the app does not answer');
  // Mounted under a base path (npm start's /api), the same routes.
  assert.deepEqual(routesOf(app('/api'), '/api'), routes);
});

test('the document is OpenAPI 3.1 with the declaration from the domain and the error shape of every refusal', () => {
  const doc = openApiDocument('/api') as unknown as Doc & { openapi: string; servers: unknown };
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc.servers, [{ url: '/api' }]);
  const { $schema: _, ...declaration } = declarationJsonSchema();
  assert.deepEqual(doc.components.schemas.Declaration, declaration);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)) {
      assert.ok(op.operationId, `${method} ${path} has an operationId`);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (Number(status) >= 400) assert.deepEqual(response.content?.['application/json']?.schema, { $ref: '#/components/schemas/Error' }, `${method} ${path} ${status}`);
      }
    }
  }
});

test('GET /openapi.json serves it, and real answers fit the schemas it gives', async () => {
  const hono = app();
  const res = await hono.request('/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as Doc;
  assert.deepEqual(doc, JSON.parse(JSON.stringify(openApiDocument('/'))));

  // The components, compiled as one JSON Schema resource so that their $refs resolve.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://pratiques-inspirantes.invalid/openapi.json', components: doc.components });
  const fits = (name: string, value: unknown) => {
    const validate = ajv.getSchema(`https://pratiques-inspirantes.invalid/openapi.json#/components/schemas/${name}`)!;
    assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value).slice(0, 400)}`);
  };

  const refused = await hono.request('/practices', { method: 'POST', body: JSON.stringify({ declaration: { title: '' } }), headers: { 'Idempotency-Key': 'k' } });
  assert.equal(refused.status, 422);
  const refusal = await refused.json() as { error: { fields: unknown[] } };
  assert.ok(refusal.error.fields.length > 0);
  fits('Error', refusal);
  fits('Error', await (await hono.request('/nowhere')).json());

  const created = await hono.request('/practices', { method: 'POST', body: JSON.stringify({ declaration: validInput(), source: { partner: 'Asso' } }), headers: { 'Idempotency-Key': 'k2' } });
  assert.equal(created.status, 201);
  fits('DeclarantPractice', ((await created.json()) as { practice: unknown }).practice);

  const search = (await (await hono.request('/search?limit=5')).json()) as { items: unknown[] };
  assert.ok(search.items.length > 0);
  for (const item of search.items) fits('PublicPractice', item);
  fits('Feed', await (await hono.request('/feed.json')).json());

  const list = (await (await hono.request('/practices?limit=5', { headers: { Authorization: `Bearer ${editorToken}` } })).json()) as { items: unknown[] };
  assert.ok(list.items.length > 0);
  for (const item of list.items) fits('Practice', item);
});

test('GET /search documents a parameter for every list of the domain\'s search, campaigns included, and its answer fits', async () => {
  const doc = openApiDocument() as unknown as Doc;
  type Param = { name: string; style?: string; explode?: boolean; schema: { type: string } };
  const params = (doc.paths['/search']!.get as { parameters: Param[] }).parameters;
  const lists = FACET_NAMES.filter((name) => name !== 'featured');
  assert.ok(lists.includes('campaigns'));
  for (const name of lists) {
    const param = params.find((p) => p.name === name);
    assert.ok(param, `/search documents ${name}`);
    assert.deepEqual([param.schema.type, param.style, param.explode], ['array', 'form', true], name);
  }
  assert.equal(params.find((p) => p.name === 'featured')?.schema.type, 'boolean');

  // The answer to a campaigns filter fits the documented response (labels included).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...JSON.parse(JSON.stringify(doc)), $id: 'https://pratiques-inspirantes.invalid/search.json' });
  const validate = ajv.getSchema('https://pratiques-inspirantes.invalid/search.json#/paths/~1search/get/responses/200/content/application~1json/schema')!;
  const res = await app().request('/search?campaigns=c_inconnue&campaigns=c_autre&limit=3');
  assert.equal(res.status, 200);
  const body = (await res.json()) as { total: number; facets: { campaigns: Record<string, number> }; labels: { campaigns: Record<string, string> } };
  assert.ok(validate(body), ajv.errorsText(validate.errors));
  assert.equal(body.total, 0);
  assert.deepEqual([body.facets.campaigns.c_inconnue, body.facets.campaigns.c_autre], [0, 0]);
});
