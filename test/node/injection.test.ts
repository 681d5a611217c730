// Injection, channel by channel: hostile text in every field stays inert in the CSV export (formula injection), the
// JSON feed (intact), the Atom feeds (escaped, well-formed XML, no CDATA break-out, no javascript: link), and the
// reference server's SQL (stored and searched through HTTP on PGlite and PostgreSQL, found back intact).
// The rendering channels (library, fiche, board, editor) are covered in Chromium by strict-pages.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { practicesToCsv, practicesToJson, type PublicPractice } from '../../src/index.js';
import type { Practice } from '../../src/model.js';
import { escapeXml, practicesToAtom } from '../../examples/server/atom.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import { launchChromium } from '../support/chromium.js';
import { validInput } from '../support/declarations.js';
import { PAYLOADS, hostileDeclaration, hostileFiche } from '../support/hostile.js';
import { TOKEN_OF, backends, startServer, type Storage } from '../support/server.js';

fc.configureGlobal({ includeErrorInReport: true });

const hostileString = fc.oneof(
  fc.constantFrom(...Object.values(PAYLOADS)),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', '\u00a0+', '\n-', '\r\n@', ' \t=', '', '\'=', '"=', '=='), fc.string({ unit: 'grapheme-ascii', maxLength: 20 })).map(([a, b]) => a + b),
);

function publicPractice(texts: Record<string, string>, i: number): PublicPractice {
  return {
    id: `p-${i}`, reference: `PI-2026-${String(i).padStart(6, '0')}`, level: 'declared', featured: false,
    publishedAt: '2026-06-15T09:00:00.000Z', updatedAt: '2026-06-15T09:00:00.000Z',
    declaration: {
      conditionsAccepted: true, implementationDate: '2014-12-21', scale: 'locale', relay: 'autre', relayOther: texts.relayOther!,
      title: texts.title!, entityName: texts.entityName!, description: texts.description!,
      interventionTypes: ['autre'], interventionTypeOther: texts.other!, themes: ['education'], audiences: ['adolescents'],
      location: { regions: [], departments: ['59'], locality: texts.locality! },
    },
  } as PublicPractice;
}
const practiceTexts = fc.record({ title: hostileString, entityName: hostileString, description: hostileString, locality: hostileString, other: hostileString, relayOther: hostileString });

// OWASP's CSV-injection advice: a cell that starts with =, +, -, @, tab or carriage return is read as a formula,
// also behind leading spaces for the first four.
const isInert = (cell: string) => !/^[\t\r]/.test(cell) && !/^\s*[=+\-@]/u.test(cell);
const CONTROL = /[^\P{Cc}\t\n\r]|\p{Cs}/gu;

test('CSV: no cell of the export starts like a formula, whatever the text; each cell reads back as its text (with a leading apostrophe when it would)', () => {
  let neutralised = 0;
  fc.assert(fc.property(fc.array(practiceTexts, { minLength: 1, maxLength: 4 }), fc.constantFrom<';' | ','>(';', ','), (all, separator) => {
    const items = all.map(publicPractice);
    const csv = practicesToCsv(items, { separator, bom: false });
    const rows = Papa.parse<string[]>(csv, { delimiter: separator, newline: '\r\n', skipEmptyLines: false }).data.filter((r) => r.length > 1);
    assert.equal(rows.length, items.length + 1, 'one row per practice after the header: no text breaks a row');
    const header = rows[0]!;
    for (const [r, texts] of all.entries()) {
      const row = rows[r + 1]!;
      assert.equal(row.length, header.length, 'no text adds or removes a column');
      for (const cell of row) assert.ok(isInert(cell), `a cell is inert: ${JSON.stringify(cell)}`);
      for (const [column, text] of [['Intitulé de la pratique', texts.title], ['Description', texts.description], ['Commune ou lieu', texts.locality]] as const) {
        const index = header.findIndex((h) => h.startsWith(column));
        if (index < 0) continue;
        const cleaned = text!.replace(CONTROL, '');
        const cell = row[index]!;
        if (cell !== cleaned) {
          assert.equal(cell, `'${cleaned}`, `${column}: the text, with an apostrophe in front only: ${JSON.stringify(text)}`);
          neutralised++;
        }
      }
    }
  }), { numRuns: 300 });
  assert.ok(neutralised > 50, `formulas were met and neutralised (${neutralised})`);
  // The four OWASP prefixes, and those hidden behind spaces, one by one.
  const csv = practicesToCsv([publicPractice({ title: '=1+1', entityName: '+1', description: '-1', locality: '\t=1', other: 'x', relayOther: 'y' }, 1), publicPractice({ title: '@A1', entityName: '  =1', description: '\r=1', locality: 'z', other: 'x', relayOther: 'y' }, 2)], { bom: false });
  for (const cell of ["'=1+1", "'+1", "'-1", "'@A1", "'\t=1", "'  =1", `"'\r=1"`]) assert.ok(csv.includes(cell), JSON.stringify(cell));
});

test('JSON feed: every text comes back exactly as stored, whatever it holds', () => {
  fc.assert(fc.property(fc.array(practiceTexts, { minLength: 1, maxLength: 4 }), (all) => {
    const items = all.map(publicPractice);
    const feed = JSON.parse(practicesToJson(items, { generatedAt: '2026-06-15T09:00:00.000Z' })) as { items: PublicPractice[] };
    assert.deepEqual(feed.items.map((p) => p.declaration), items.map((p) => p.declaration));
  }), { numRuns: 200 });
});

// ---- Atom, parsed by a real XML parser (Chromium's DOMParser) -------------------------------------------------------

let browser: Browser | undefined;
const noChromium = !existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') ? 'no Chromium' : undefined;
const skipBrowser = process.env.CI ? false : noChromium;
before(async () => {
  if (!skipBrowser) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

interface ParsedAtom { error: string | null; entries: { id: string; title: string; summary: string; content: string | null; author: string; links: string[] }[]; links: string[]; cdata: number; elements: string[] }

/** Parses an Atom document in Chromium: parse errors, entries' texts, every link, CDATA sections, every element name. */
async function parseXml(xml: string): Promise<ParsedAtom> {
  const page = await browser!.newPage();
  try {
    return await page.evaluate(`((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelector('parsererror');
      const text = (el, name) => el.getElementsByTagName(name)[0]?.textContent ?? null;
      const walk = (n, f) => { f(n); for (const c of n.childNodes) walk(c, f); };
      let cdata = 0;
      const elements = new Set();
      walk(doc, (n) => { if (n.nodeType === 4) cdata++; if (n.nodeType === 1) elements.add(n.localName); });
      return {
        error: error ? error.textContent : null,
        entries: [...doc.getElementsByTagName('entry')].map((e) => ({ id: text(e, 'id'), title: text(e, 'title'), summary: text(e, 'summary'), content: text(e, 'content'), author: text(e.getElementsByTagName('author')[0], 'name'), links: [...e.getElementsByTagName('link')].map((l) => l.getAttribute('href')) })),
        links: [...doc.getElementsByTagName('link')].map((l) => l.getAttribute('href')),
        cdata, elements: [...elements].sort(),
      };
    })(${JSON.stringify(xml)})`);
  } finally {
    await page.close();
  }
}

const ATOM_ELEMENTS = ['author', 'category', 'content', 'entry', 'feed', 'generator', 'id', 'link', 'name', 'published', 'summary', 'title', 'updated'];
// Characters XML 1.0 cannot hold at all, which the writer drops.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

test('Atom: any text is escaped into well-formed XML that reads back as the same text, with no CDATA and no element of its own', { skip: skipBrowser }, async () => {
  const samples = fc.sample(practiceTexts, { numRuns: 150, seed: 8 });
  samples.push({ title: PAYLOADS.xml, entityName: PAYLOADS.entity, description: `${PAYLOADS.script}]]>${PAYLOADS.xml}`, locality: PAYLOADS.js, other: PAYLOADS.svg, relayOther: PAYLOADS.img });
  const items = samples.map(publicPractice);
  const xml = practicesToAtom(items, { baseUrl: 'https://pratiques.example.org/api', generatedAt: '2026-06-15T09:00:00.000Z' });
  assert.ok(!xml.includes('<![CDATA['), 'no CDATA section is written');
  const parsed = await parseXml(xml);
  assert.equal(parsed.error, null, 'well-formed');
  assert.equal(parsed.cdata, 0);
  assert.deepEqual(parsed.elements.filter((e) => !ATOM_ELEMENTS.includes(e)), [], 'only Atom elements, none from the data');
  assert.equal(parsed.entries.length, items.length);
  for (const [i, e] of parsed.entries.entries()) {
    const d = items[i]!.declaration!;
    assert.equal(e.title, d.title.replace(NOT_XML, ''));
    assert.equal(e.summary, d.description.replace(NOT_XML, ''));
    assert.equal(e.author, d.entityName.replace(NOT_XML, ''));
  }
  // The escaper alone, on any string, as text and inside a quoted attribute.
  const strings = fc.sample(fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 60 })), { numRuns: 300, seed: 9 });
  const doc = `<r>${strings.map((s) => `<t a="${escapeXml(s)}" b='${escapeXml(s)}'>${escapeXml(s)}</t>`).join('')}</r>`;
  const page = await browser!.newPage();
  try {
    const back = await page.evaluate(`((xml) => {
      const d = new DOMParser().parseFromString(xml, 'application/xml');
      if (d.querySelector('parsererror')) return 'parse error';
      return [...d.getElementsByTagName('t')].map((t) => [t.textContent, t.getAttribute('a'), t.getAttribute('b')]);
    })(${JSON.stringify(doc)})`);
    // An attribute's raw line feeds and tabs are normalised to spaces by every XML parser (the writer's attributes are
    // codes, labels and URLs); text keeps them, and carriage returns everywhere (written as references).
    assert.deepEqual(back, strings.map((s) => { const x = s.replace(NOT_XML, ''); const a = x.replace(/[\t\n]/g, ' '); return [x, a, a]; }));
  } finally {
    await page.close();
  }
});

// ---- The reference server: SQL parameterised, every channel over HTTP ------------------------------------------------

const SQL = [
  "'; DROP TABLE practices; --",
  "Robert'); DROP TABLE practices;--",
  "' OR '1'='1",
  "1; SELECT pg_sleep(10); --",
  '" OR ""="',
  "\\'; TRUNCATE practices; --",
  "$$; DELETE FROM practices; $$",
  "%' OR title ILIKE '%",
  "E'\\x27' || chr(39)",
];

async function call(base: string, method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* CSV, Atom */ }
  return { status: res.status, headers: res.headers, body, text };
}

for (const backend of await backends()) {
  if (backend.unavailable) {
    const { reason, required } = backend.unavailable;
    test(`injection through the reference server on ${backend.name}`, { skip: required ? false : reason }, () => {
      throw new Error(`${backend.name} did not start: ${reason}`);
    });
    continue;
  }
  describe(`injection through the reference server on ${backend.name}`, () => {
    let storage: Storage;
    let server: ReferenceServer;
    let url = '';
    const chair = TOKEN_OF.chair!;
    const editor = TOKEN_OF.editor!;
    const created: Practice[] = [];
    before(async () => {
      storage = await backend.open();
      server = await startServer(storage.db, { submitRate: { limit: 1000, windowSeconds: 60 } });
      url = server.url;
    });
    after(async () => {
      await server?.close();
      await storage?.dispose();
    });

    test('SQL: declarations whose every text is an SQL payload are stored, listed and searched, and come back intact', async () => {
      for (const [i, payload] of SQL.entries()) {
        const declaration = {
          ...validInput(), title: `${payload} ${i}`, entityName: payload, description: `${payload}\n\n${SQL.join('\n')}`,
          departmentAgreement: { obtained: true, representative: payload }, declarant: { name: payload, email: 'camille.martin@example.org', accuracyCertified: true },
        };
        const r = await call(url, 'POST', '/practices', { body: { declaration, source: { partner: payload, page: `https://asso.example.org/${encodeURIComponent(payload)}` } }, headers: { 'Idempotency-Key': `sql-${i}-${payload}` } });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        const id = r.body.practice?.id ?? r.body.id;
        const got = await call(url, 'GET', `/practices/${encodeURIComponent(id)}`, { token: chair });
        assert.equal(got.status, 200);
        assert.equal(got.body.declaration.title, `${payload} ${i}`);
        assert.equal(got.body.declaration.entityName, payload);
        assert.equal(got.body.declaration.declarant.name, payload);
        assert.equal(got.body.source.partner, payload);
        created.push(got.body as Practice);
      }
      // Payloads in every query parameter of the committee's lists (the SQL path) and of the search: refused or empty, never an error.
      for (const payload of SQL) {
        for (const path of [
          `/practices?state=${encodeURIComponent(payload)}`, `/practices?level=${encodeURIComponent(payload)}`, `/practices?campaign=${encodeURIComponent(payload)}`,
          `/practices?awaitingOpinionOf=${encodeURIComponent(payload)}`, `/practices?offset=${encodeURIComponent(payload)}&limit=${encodeURIComponent(payload)}`,
          `/practices/${encodeURIComponent(payload)}`, `/search?text=${encodeURIComponent(payload)}&themes=${encodeURIComponent(payload)}&sort=${encodeURIComponent(payload)}`,
        ]) {
          const r = await call(url, 'GET', path, { token: chair });
          assert.ok(r.status < 500, `${path}: ${r.status} ${r.text.slice(0, 200)}`);
        }
      }
      // The table is still there, with everything in it.
      const list = await call(url, 'GET', '/practices?state=submitted&limit=500', { token: chair });
      assert.equal(list.status, 200);
      for (const p of created) assert.ok(list.body.items.some((x: Practice) => x.id === p.id && x.declaration?.title === p.declaration?.title), p.declaration?.title);
    });

    test('the same payloads published are found by the public search and come back intact in /feed.json, inert in /feed.csv, escaped in the Atom feeds', async () => {
      // Publish each one through the committee's events, over HTTP.
      for (const p of created) {
        let version = p.version;
        for (const [token, event] of [
          [chair, { type: 'START_REVIEW' }], [TOKEN_OF['rev-1']!, { type: 'GIVE_OPINION', opinion: 'favorable', comment: SQL[0] }],
          [TOKEN_OF['rev-2']!, { type: 'GIVE_OPINION', opinion: 'favorable' }], [chair, { type: 'ACCEPT', comment: SQL[1] }],
          [editor, { type: 'PUBLISH' }], [editor, { type: 'FEATURE', comment: `${SQL[2]} ${PAYLOADS.xml}` }],
        ] as const) {
          const r = await call(url, 'POST', `/practices/${encodeURIComponent(p.id)}/events`, { token, body: event, headers: { 'If-Match': String(version) } });
          assert.equal(r.status, 200, `${event.type}: ${JSON.stringify(r.body)}`);
          version = r.body.version;
        }
      }
      // A hostile fiche, through the authoring routes.
      const f = await call(url, 'POST', '/fiches', { token: editor, body: { fiche: hostileFiche('Fiche SQL') }, headers: { 'Idempotency-Key': 'fiche-sql' } });
      assert.ok(f.status === 201 || f.status === 200, JSON.stringify(f.body));
      const fiche = f.body.practice ?? f.body;
      const pub = await call(url, 'POST', `/practices/${encodeURIComponent(fiche.id)}/events`, { token: editor, body: { type: 'PUBLISH' }, headers: { 'If-Match': String(fiche.version) } });
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      // A hostile declaration with every other kind of payload.
      const h = await call(url, 'POST', '/practices', { body: { declaration: hostileDeclaration('Toutes') }, headers: { 'Idempotency-Key': 'hostile-all' } });
      assert.equal(h.status, 201, JSON.stringify(h.body));

      for (const [i, payload] of SQL.entries()) {
        const s = await call(url, 'GET', `/search?text=${encodeURIComponent(payload)}&limit=50`);
        assert.equal(s.status, 200);
        assert.ok(s.body.items.some((x: PublicPractice) => x.declaration?.title === `${payload} ${i}`), `the search finds ${payload}`);
      }

      const feed = await call(url, 'GET', '/feed.json');
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type') ?? '', /^application\/json/);
      const titles = new Set(feed.body.items.map((p: PublicPractice) => (p.declaration ?? p.fiche)!.title));
      for (const [i, payload] of SQL.entries()) assert.ok(titles.has(`${payload} ${i}`), payload);
      const storedFiche = feed.body.items.find((p: PublicPractice) => p.id === fiche.id);
      assert.deepEqual({ ...storedFiche.fiche, lastReviewedAt: undefined }, { ...hostileFiche('Fiche SQL'), lastReviewedAt: undefined, location: storedFiche.fiche.location }, 'the fiche comes back as written');
      assert.ok(!feed.text.includes('camille.martin@example.org'), 'no personal data in the public feed');

      const csv = await call(url, 'GET', '/feed.csv');
      assert.equal(csv.status, 200);
      const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';' }).data.filter((r) => r.length > 1);
      assert.equal(rows.length, feed.body.items.length + 1);
      for (const row of rows) for (const cell of row) assert.ok(isInert(cell), `inert cell: ${JSON.stringify(cell)}`);
      assert.ok(rows.some((r) => r.some((c) => c.startsWith(`'${PAYLOADS.formula}`))), 'the formulas are there, neutralised');

      if (browser) {
        for (const path of ['/feed.atom', '/feed/valorisees.atom']) {
          const atom = await call(url, 'GET', path);
          assert.equal(atom.status, 200);
          assert.ok(!atom.text.includes('<![CDATA['), `${path}: no CDATA`);
          const parsed = await parseXml(atom.text);
          assert.equal(parsed.error, null, `${path}: well-formed`);
          assert.deepEqual(parsed.elements.filter((e) => !ATOM_ELEMENTS.includes(e)), [], `${path}: no element from the data`);
          for (const link of parsed.links) assert.match(link, /^https?:\/\//, `${path}: only http(s) links, never javascript:`);
          const entryTitles = new Set(parsed.entries.map((e) => e.title));
          for (const [i, payload] of SQL.entries()) assert.ok(entryTitles.has(`${payload} ${i}`), `${path}: ${payload}`);
          if (path === '/feed.atom') assert.ok(entryTitles.has(hostileFiche('Fiche SQL').title as string), 'the fiche too');
          else for (const e of parsed.entries) assert.equal(e.summary, `Valorisée par le comité : ${SQL[2]} ${PAYLOADS.xml}`);
        }
      }
    });
  });
}
