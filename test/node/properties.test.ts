// Property-based tests of the domain over random and adversarial input: the validators, the import reader and the
// feed readers never throw nor pollute prototypes, accept exactly what the rules allow (an independent oracle), and
// the review machine keeps its invariants over random sequences of events by random actors.
// Run counts are bounded so the file runs in seconds; on a failure fast-check prints the seed and the shrunk case.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Papa from 'papaparse';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  applyReviewEvent, createFeedReader, createMemoryStore, createReview, declarationJsonSchema, deriveReview,
  EVENT_RULES, EVENT_TYPES, FEED_FORMAT, FeedFormatError, FIELD_LABELS, parseFeed, restore, ROLES, taxonomy, validateDeclaration,
  validateFiche, type ReviewEvent,
} from '../../src/index.js';
import { readImport } from '../../src/import/index.js';
import type { Actor, HistoryEntry, PersistedReview, Practice, PublicPractice, ReviewState } from '../../src/model.js';
import { TODAY, validInput } from '../support/declarations.js';
import { validFiche } from '../support/fiche-contract.js';

// The failing assertion's message in the report, with the seed and the shrunk case.
fc.configureGlobal({ includeErrorInReport: true });

// ---- Prototypes stay as they were --------------------------------------------------------------------------------

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
const BASELINE = Object.fromEntries(Object.entries(PROTOTYPES).map(([k, p]) => [k, Reflect.ownKeys(p).map(String).sort()]));

function assertNoPollution(): void {
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    assert.deepEqual(Reflect.ownKeys(proto).map(String).sort(), BASELINE[name], `${name}.prototype gained or lost a key`);
  }
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isAdmin', 'x', 'departments', 'title']) assert.equal(probe[k], undefined, `({}).${k} is inherited`);
  assert.equal(Object.getPrototypeOf(probe), Object.prototype);
}
afterEach(assertNoPollution);

// ---- Hostile values ------------------------------------------------------------------------------------------------

const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'polluted', 'title', 'themes', 'location', 'departments', 'declarant', 'items', 'format', 'level', 'fiche', 'declaration'];
/** Any Unicode, lone surrogates and control characters included, and strings made of the characters that break parsers. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\udfff', 'a\ud83d', '\u202e', '\ufeff', '"', '\\', '\\"', '},{', ']}', '<script>', '__proto__', 'constructor', '=1+1', 'autre', 'x'.repeat(1001)),
);
const key = fc.oneof(fc.constantFrom(...KEYS), anyString);
/** Any JSON-like tree, with dangerous keys as own properties (as JSON.parse makes them). */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -0, 1e308, -1, 0.5, Number.MAX_SAFE_INTEGER + 2),
    anyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map(ownObject),
  ),
})).value;

/** An object whose keys are all own data properties, `__proto__` included. */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Values of every JavaScript type a caller might pass, JSON or not. */
const anyValue = fc.oneof(
  hostileJson,
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, withObjectString: true, key }),
  fc.constantFrom<unknown>(undefined, Symbol('s'), () => 1, NaN, Infinity, new Date(NaN), Object.create(null), [undefined], new Array(3)),
);

/** A nesting `depth` levels deep, built without recursion. */
function deep(depth: number, leaf: unknown = {}): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { location: v, departments: v };
  return v;
}

const FIELD_PATHS = [
  'conditionsAccepted', 'implementationDate', 'entityName', 'title', 'description', 'scale', 'interventionTypes', 'interventionTypeOther',
  'themes', 'themeOther', 'audiences', 'audienceOther', 'relay', 'relayOther', 'location', 'location.regions', 'location.departments',
  'location.locality', 'departmentAgreement', 'departmentAgreement.obtained', 'departmentAgreement.representative', 'declarant',
  'declarant.name', 'declarant.email', 'declarant.phone', 'declarant.accuracyCertified',
];

/** Sets a dotted path on a deep copy, creating objects on the way (an own property, `__proto__` too). */
function setPath(base: unknown, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  const parts = path.split('.');
  let node = copy;
  for (const p of parts.slice(0, -1)) {
    const next = node[p];
    if (!next || typeof next !== 'object' || Array.isArray(next)) Object.defineProperty(node, p, { value: {}, enumerable: true, writable: true, configurable: true });
    node = node[p] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A valid declaration with 1–4 fields replaced by hostile values, and sometimes dangerous keys added. */
const hostileDeclaration = fc.tuple(
  fc.array(fc.tuple(fc.constantFrom(...FIELD_PATHS, '__proto__', 'constructor', 'location.__proto__', 'declarant.constructor', 'prototype'), anyValue), { minLength: 1, maxLength: 4 }),
  fc.boolean(),
).map(([mutations, viaJson]) => {
  let doc: Record<string, unknown> = validInput();
  for (const [path, value] of mutations) {
    try {
      doc = setPath(doc, path, value);
    } catch {
      // structuredClone refuses functions and symbols: put the value on the top level instead.
      doc = { ...doc, [path.split('.')[0]!]: value };
    }
  }
  if (!viaJson) return doc;
  try {
    // As an HTTP body arrives: `__proto__` in the text becomes an own key.
    return JSON.parse(JSON.stringify(doc)) as unknown;
  } catch {
    return doc;
  }
});

// ---- Results are well formed -------------------------------------------------------------------------------------

const FR_LABELS = FIELD_LABELS.fr as Record<string, string>;
const labelOfField = (field: string) => FR_LABELS[field.split('.').filter((p) => !/^\d+$/.test(p)).join('.')];

function assertWellFormed(result: ReturnType<typeof validateDeclaration> | ReturnType<typeof validateFiche>, input: unknown): void {
  assert.equal(typeof result.ok, 'boolean');
  if (result.ok) return;
  assert.ok(Array.isArray(result.errors) && result.errors.length > 0, 'a refusal says why');
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  for (const e of result.errors) {
    assert.equal(typeof e.field, 'string');
    assert.equal(typeof e.code, 'string');
    const label = labelOfField(e.field);
    assert.ok(label, `the field ${JSON.stringify(e.field)} has a French label`);
    assert.ok(e.message.startsWith(`${label}\u00a0: `), `the message names the field in French: ${e.message}`);
    // An object's problems are always on one of its fields, never "this is not an object".
    if (isObject) assert.notEqual(e.code, 'not_an_object', `an object reported as not one: ${JSON.stringify(result.errors)}`);
  }
}

// ---- 1. Never throws, never pollutes ------------------------------------------------------------------------------

test('validateDeclaration and validateFiche never throw, never pollute, and always name a field in French, whatever they are given', () => {
  fc.assert(fc.property(fc.oneof(anyValue, hostileDeclaration, hostileDeclaration), fc.constantFrom('fr', 'en', 'de', 'xx', undefined), (input, lang) => {
    const d = validateDeclaration(input, { today: TODAY, lang });
    const f = validateFiche(input, { today: TODAY, lang });
    if (lang === 'fr' || lang === 'xx' || lang === undefined) {
      assertWellFormed(d, input);
      assertWellFormed(f, input);
    }
    assertNoPollution();
  }), { numRuns: 600 });
});

test('validation survives huge strings, deep nesting, throwing getters and revoked proxies, in bounded time', () => {
  const huge = 'é'.repeat(2_000_000);
  const started = Date.now();
  const cases: [string, unknown][] = [
    ['a 2-million-character title', { ...validInput(), title: huge }],
    ['a 2-million-character description with one grapheme', { ...validInput(), description: `a${'\u0301'.repeat(300_000)}` }],
    ['a 100,000-element list', { ...validInput(), themes: new Array(100_000).fill('education') }],
    ['location nested 10,000 deep', { ...validInput(), location: deep(10_000) }],
    ['a field nested 10,000 deep', { ...validInput(), title: deep(10_000) }],
    ['the declaration nested 10,000 deep', deep(10_000)],
    ['a throwing getter', Object.defineProperty(validInput(), 'title', { get() { throw new Error('boom'); }, enumerable: true })],
    ['a revoked proxy', (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()],
    ['a proxy that throws on every trap', new Proxy({}, { get() { throw new Error('x'); }, ownKeys() { throw new Error('y'); }, getOwnPropertyDescriptor() { throw new Error('z'); } })],
    ['a null-prototype declaration', Object.assign(Object.create(null) as object, validInput())],
    ['a null-prototype value', { ...validInput(), scale: Object.create(null) }],
    ['a class instance', new (class Decl { title = 'x'; })()],
  ];
  for (const [name, input] of cases) {
    for (const validate of [validateDeclaration, validateFiche]) {
      let r: ReturnType<typeof validateDeclaration> | undefined;
      assert.doesNotThrow(() => { r = validateDeclaration === validate ? validateDeclaration(input, { today: TODAY }) : validateFiche(input, { today: TODAY }) as never; }, name);
      assert.equal(r!.ok, name === 'a null-prototype declaration' && validate === validateDeclaration, `${name}: ${JSON.stringify(r)}`.slice(0, 300));
    }
  }
  // The long title is reported as too long, on its field; the null-prototype value on its field.
  const long = validateDeclaration({ ...validInput(), title: huge }, { today: TODAY });
  assert.ok(!long.ok && long.errors.some((e) => e.field === 'title' && e.code === 'too_long'));
  const nullProto = validateDeclaration({ ...validInput(), scale: Object.create(null) }, { today: TODAY });
  assert.ok(!nullProto.ok && nullProto.errors.every((e) => e.field === 'scale'), JSON.stringify(nullProto));
  assert.ok(Date.now() - started < 20_000, 'all in bounded time');
});

test('an accepted declaration keeps no unknown key: __proto__, constructor and prototype are dropped at every level', () => {
  const text = JSON.stringify(validInput())
    .replace('{', '{"__proto__":{"polluted":1,"isAdmin":true},"constructor":{"prototype":{"polluted":2}},"prototype":{"x":1},')
    .replace('"location":{', '"location":{"__proto__":{"departments":["75"]},')
    .replace('"declarant":{', '"declarant":{"__proto__":{"email":"x@evil.example"},');
  const input = JSON.parse(text) as Record<string, unknown>;
  assert.ok(Object.hasOwn(input, '__proto__'), 'JSON.parse makes __proto__ an own key');
  const r = validateDeclaration(input, { today: TODAY });
  assert.ok(r.ok, JSON.stringify(r));
  const out = JSON.stringify(r.value);
  for (const k of ['__proto__', 'constructor', 'prototype', 'polluted', 'isAdmin', 'evil']) assert.ok(!out.includes(k), `${k} is not kept: ${out}`);
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
  assert.deepEqual(r.value.location.departments, ['59'], 'the inherited-looking key did not replace the real one');
});

// ---- 2. Accepted exactly when every rule holds --------------------------------------------------------------------

// An oracle written from the rules as docs/architecture.md states them, not from the schema's code.
const SEGMENTER = new Intl.Segmenter('fr', { granularity: 'grapheme' });
const isForbidden = (cp: number) => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff);
type TextVerdict = 'ok' | 'invalid_characters' | 'required' | 'too_long';
/** Trimmed and NFC, single-line white space folded; then no control character nor lone surrogate, not blank, at most `max` graphemes. */
function textVerdict(raw: string, max: number, multiline: boolean): TextVerdict {
  let s = raw.normalize('NFC').trim();
  if (!multiline) s = s.replace(/\s+/g, ' ');
  for (const ch of s) if (isForbidden(ch.codePointAt(0)!)) return 'invalid_characters';
  if (s === '') return 'required';
  let n = 0;
  for (const _ of SEGMENTER.segment(s)) if (++n > max) return 'too_long';
  return 'ok';
}

const TEXT_FIELDS: [path: string, max: number, multiline: boolean][] = [
  ['entityName', 100, false], ['title', 100, false], ['description', 1000, true],
  ['departmentAgreement.representative', 200, false], ['declarant.name', 100, false],
];

const spaces = fc.constantFrom('', '', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\r\n', '\u000b', '\u000c', '\u2028');
const around = (a: fc.Arbitrary<string>) => fc.tuple(spaces, a, spaces).map(([x, y, z]) => x + y + z);
/** Text near its limit and full of what breaks things: any code unit, controls, surrogates, combining marks, emoji. */
function textNear(max: number) {
  return around(fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', minLength: max - 3, maxLength: max + 3 }),
    fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
    fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udc00', '\u000b', '\u200b', '\u202e', '\ufeff', '\u2028', 'e\u0301', '👩‍👧', '🇫🇷'), fc.string({ unit: 'grapheme-ascii', maxLength: 20 })).map((p) => p.join('')),
    fc.nat({ max: 3 }).map((extra) => 'é'.repeat(max - 1 + extra)),
    fc.nat({ max: 3 }).map((extra) => 'e\u0301'.repeat(max - 1 + extra)),
  ));
}

test('a text field is accepted exactly when the text rules hold (any Unicode, controls, lone surrogates, lengths in graphemes)', () => {
  const seen: Record<TextVerdict, number> = { ok: 0, invalid_characters: 0, required: 0, too_long: 0 };
  for (const [path, max, multiline] of TEXT_FIELDS) {
    fc.assert(fc.property(textNear(max), (raw) => {
      const expected = textVerdict(raw, max, multiline);
      seen[expected]++;
      const r = validateDeclaration(setPath(validInput(), path, raw), { today: TODAY });
      if (expected === 'ok') {
        assert.ok(r.ok, `accepted: ${JSON.stringify(raw)} → ${JSON.stringify(!r.ok && r.errors)}`);
        const stored = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r.value) as string;
        let want = raw.normalize('NFC').trim();
        if (!multiline) want = want.replace(/\s+/g, ' ');
        assert.equal(stored, want, 'stored trimmed, NFC, white space folded on one line');
      } else {
        assert.ok(!r.ok, `refused: ${JSON.stringify(raw)}`);
        assert.deepEqual(r.errors.map((e) => [e.field, e.code]), [[path, expected]], JSON.stringify(raw));
        assert.ok(r.errors[0]!.message.startsWith(`${FR_LABELS[path]}\u00a0: `));
      }
    }), { numRuns: 150 });
  }
  // The generator must reach every verdict; how often varies with the seed (a threshold of 20 failed about
  // one run in six, one verdict seen 19 times), so it asks for a few of each, which no seed misses in practice.
  for (const n of Object.values(seen)) assert.ok(n >= 5, `each verdict reached: ${JSON.stringify(seen)}`);
});

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAYS = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
type DateVerdict = 'ok' | 'date_format' | 'date_invalid' | 'date_too_old' | 'date_in_future' | 'date_too_recent';
function dateVerdict(y: number, m: number, d: number): DateVerdict {
  if (m < 1 || m > 12 || d < 1 || d > DAYS(y, m)) return 'date_invalid';
  if (y < 1900) return 'date_too_old';
  const key = y * 10000 + m * 100 + d;
  if (key > 20260615) return 'date_in_future';
  // One year before 15 June 2026.
  if (key > 20250615) return 'date_too_recent';
  return 'ok';
}

test('a date is accepted exactly when it is a real calendar day from 1900, not in the future, and at least a year old', () => {
  const seen: Record<string, number> = {};
  const dateCase = fc.record({
    y: fc.oneof(fc.integer({ min: 1890, max: 2030 }), fc.integer({ min: 2025, max: 2026 })), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }),
    shape: fc.constantFrom('iso', 'fr', 'short', 'dots', 'mixed', 'spaced'),
  });
  fc.assert(fc.property(dateCase, ({ y, m, d, shape }) => {
    const text = { iso: `${y}-${pad(m)}-${pad(d)}`, fr: `${pad(d)}/${pad(m)}/${y}`, short: `${d}/${m}/${y}`, dots: `${pad(d)}.${pad(m)}.${y}`, mixed: `${d}-${pad(m)}/${y}`, spaced: ` ${pad(d)}/${pad(m)}/${y}\t` }[shape];
    const expected = dateVerdict(y, m, d);
    seen[expected] = (seen[expected] ?? 0) + 1;
    const r = validateDeclaration({ ...validInput(), implementationDate: text }, { today: TODAY });
    if (expected === 'ok') {
      assert.ok(r.ok, `${text}: ${JSON.stringify(!r.ok && r.errors)}`);
      assert.equal(r.value.implementationDate, `${y}-${pad(m)}-${pad(d)}`);
    } else {
      assert.ok(!r.ok, `${text} is refused`);
      assert.deepEqual(r.errors.map((e) => [e.field, e.code]), [['implementationDate', expected]], text);
    }
  }), { numRuns: 600 });
  // Shapes that are not dates at all.
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('2014/12/21', '21/12/14', '2014-1-2', '１２/１２/２０１４', '21 12 2014', '21/12/2014x')), (text) => {
    fc.pre(!/^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.test(text) && !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(text));
    const r = validateDeclaration({ ...validInput(), implementationDate: text }, { today: TODAY });
    assert.ok(!r.ok && r.errors.every((e) => e.field === 'implementationDate'), JSON.stringify(text));
    assert.ok(r.errors.some((e) => e.code === 'date_format' || e.code === 'required'), JSON.stringify(r.errors));
  }), { numRuns: 200 });
  for (const v of ['ok', 'date_invalid', 'date_too_old', 'date_in_future', 'date_too_recent']) assert.ok((seen[v] ?? 0) > 10, JSON.stringify(seen));
});

const codesOf = (list: 'scales' | 'interventionTypes' | 'themes' | 'audiences' | 'relays' | 'regions') => (taxonomy[list] as readonly { code: string }[]).map((t) => t.code);
const REGIONS = codesOf('regions');
const DEPARTMENTS = taxonomy.departments.map((d) => d.code);
const regionOf = (d: string) => taxonomy.departments.find((x) => x.code === d)!.region;

test('the territory is accepted exactly when it fits the scale (random scales, régions, départements and localities)', () => {
  const loc = fc.record({
    scale: fc.constantFrom('nationale', 'regionale', 'departementale', 'locale'),
    regions: fc.oneof(fc.constant([] as string[]), fc.array(fc.constantFrom(...REGIONS, 'zz', '00'), { maxLength: 3 })),
    departments: fc.oneof(fc.constant([] as string[]), fc.array(fc.constantFrom(...DEPARTMENTS.slice(0, 12), '2A', '976', '20', '00', '100'), { maxLength: 3 })),
    locality: fc.constantFrom(undefined, '', '  ', 'Lille', 'Saint-Denis'),
  });
  const seen = { ok: 0, refused: 0 };
  fc.assert(fc.property(loc, ({ scale, regions, departments, locality }) => {
    const unknownR = regions.filter((r) => !REGIONS.includes(r));
    const unknownD = departments.filter((d) => !DEPARTMENTS.includes(d));
    const distinctD = [...new Set(departments)];
    const expectedFields = new Set<string>();
    if (unknownR.length) expectedFields.add('location.regions');
    if (unknownD.length) expectedFields.add('location.departments');
    const hasLocality = typeof locality === 'string' && locality.trim() !== '';
    if (scale === 'nationale' && (regions.length || departments.length)) expectedFields.add('location');
    if (scale === 'regionale') {
      if (!regions.length) expectedFields.add('location.regions');
      if (departments.some((d) => DEPARTMENTS.includes(d) && !regions.includes(regionOf(d)))) expectedFields.add('location.departments');
    }
    if ((scale === 'departementale' || scale === 'locale') && !departments.length) expectedFields.add('location.departments');
    if (scale === 'locale' && distinctD.length > 1) expectedFields.add('location.departments');
    if (scale === 'locale' && !hasLocality) expectedFields.add('location.locality');
    const r = validateDeclaration({ ...validInput(), scale, location: { regions, departments, ...(locality === undefined ? {} : { locality }) } }, { today: TODAY });
    if (expectedFields.size === 0) {
      seen.ok++;
      assert.ok(r.ok, `${scale} ${JSON.stringify({ regions, departments, locality })}: ${JSON.stringify(!r.ok && r.errors)}`);
      if (scale === 'nationale') assert.deepEqual(r.value.location, { regions: [], departments: [] });
      if (scale === 'departementale' || scale === 'locale') assert.deepEqual(new Set(r.value.location.regions), new Set(distinctD.map(regionOf)));
    } else {
      seen.refused++;
      assert.ok(!r.ok, `${scale} ${JSON.stringify({ regions, departments, locality })} is refused`);
      // Unknown codes may hide the scale's rule for the same list: every expected field is named, and nothing else.
      assert.deepEqual(new Set(r.errors.map((e) => e.field)), expectedFields, `${scale} ${JSON.stringify({ regions, departments, locality })}: ${JSON.stringify(r.errors)}`);
    }
  }), { numRuns: 800 });
  assert.ok(seen.ok > 50 && seen.refused > 50, JSON.stringify(seen));
});

test('the lists and "Autre" are accepted exactly when every code is known, a list is not empty, and "Autre" has its precision', () => {
  const LISTS = [['interventionTypes', 'interventionTypeOther'], ['themes', 'themeOther'], ['audiences', 'audienceOther']] as const;
  fc.assert(fc.property(
    fc.constantFrom(...LISTS),
    fc.array(fc.constantFrom(...codesOf('themes'), ...codesOf('audiences').slice(0, 3), 'autre', 'Autre', 'zz', ''), { maxLength: 5 }),
    fc.constantFrom(undefined, null, '', '   ', 'Médiation', '\u0007'),
    ([list, other], values, precision) => {
      const known = new Set(codesOf(list === 'interventionTypes' ? 'interventionTypes' : list === 'themes' ? 'themes' : 'audiences'));
      const expected = new Set<string>();
      if (!values.length || values.some((v) => !known.has(v))) expected.add(list);
      const hasOther = values.includes('autre');
      if (hasOther && (typeof precision !== 'string' || precision.trim() === '' )) expected.add(other);
      if (typeof precision === 'string' && precision.includes('\u0007')) expected.add(other);
      const r = validateDeclaration({ ...validInput(), [list]: values, [other]: precision }, { today: TODAY });
      if (!expected.size) {
        assert.ok(r.ok, `${list}=${JSON.stringify(values)} ${other}=${JSON.stringify(precision)}: ${JSON.stringify(!r.ok && r.errors)}`);
        assert.deepEqual(r.value[list], [...new Set(values)]);
        assert.equal(Object.hasOwn(r.value, other), hasOther, 'the precision is kept only with "Autre"');
      } else {
        assert.ok(!r.ok);
        assert.deepEqual(new Set(r.errors.map((e) => e.field)), expected, `${list}=${JSON.stringify(values)} ${other}=${JSON.stringify(precision)}: ${JSON.stringify(r.errors)}`);
      }
    },
  ), { numRuns: 500 });
});

// Valid by construction: printable text within its limit, a real date a year old, codes from the lists, a territory
// that fits the scale, "Autre" with its precision, the three boxes ticked.
const goodText = (max: number, multiline = false) => around(fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: max }),
  fc.constantFrom('Protection de l’enfance', 'Ein Kind 👩‍👧 🇫🇷', 'e\u0301te\u0301', 'x'.repeat(max), 'é'.repeat(max), 'ملتقى الأسرة', "'; DROP TABLE practices; --", '<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")'),
).filter((s) => textVerdict(s, max, multiline) === 'ok'));
const goodDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-15T00:00:00Z'), noInvalidDate: true })
  .chain((dt) => {
    const [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
    return fc.constantFrom(`${y}-${pad(m)}-${pad(d)}`, `${pad(d)}/${pad(m)}/${y}`, `${d}.${m}.${y}`, ` ${d}-${m}-${y} `);
  });
const goodList = (list: 'interventionTypes' | 'themes' | 'audiences') => fc.uniqueArray(fc.constantFrom(...codesOf(list)), { minLength: 1, maxLength: 4 });
const goodEmail = fc.oneof(fc.constantFrom('camille.martin@example.org', 'élise@exemple.fr', 'a+b@sous.domaine.gouv.fr', 'x@y.info'), fc.tuple(fc.stringMatching(/^[a-z0-9._-]{1,20}$/), fc.stringMatching(/^[a-z0-9-]{1,20}$/), fc.stringMatching(/^[a-z]{2,6}$/)).map(([a, b, c]) => `${a}@${b}.${c}`));
const goodPhone = fc.oneof(fc.constant(undefined), fc.constant(''), fc.constantFrom('01 23 45 67 89', '+33 (0)1.23.45.67.89', '0590-12-34-56', '123456'), fc.stringMatching(/^\+?[0-9]{6,15}$/));
function goodLocation(scale: string) {
  switch (scale) {
    case 'nationale': return fc.constantFrom({ regions: [], departments: [] }, {}, { regions: null, departments: null });
    case 'regionale': return fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 3 }).chain((regions) =>
      fc.constant(DEPARTMENTS.filter((d) => regions.includes(regionOf(d)))).chain((inside) => fc.subarray(inside, { maxLength: Math.min(3, inside.length) })).map((departments) => ({ regions, departments })));
    case 'departementale': return fc.uniqueArray(fc.constantFrom(...DEPARTMENTS), { minLength: 1, maxLength: 4 }).map((departments) => ({ regions: [], departments }));
    default: return fc.tuple(fc.constantFrom(...DEPARTMENTS), goodText(100)).map(([d, locality]) => ({ regions: [], departments: [d], locality }));
  }
}
const withOther = <L extends string>(list: fc.Arbitrary<L[]>, other: string) => list.chain((values) =>
  (values.includes('autre' as L) ? goodText(100).map((p) => ({ values, [other]: p })) : fc.constant({ values })));
const goodDeclaration = fc.constantFrom('nationale', 'regionale', 'departementale', 'locale').chain((scale) => fc.record({
  scale: fc.constant(scale),
  location: goodLocation(scale),
  implementationDate: goodDate,
  entityName: goodText(100), title: goodText(100), description: goodText(1000, true),
  it: withOther(goodList('interventionTypes'), 'interventionTypeOther'),
  th: withOther(goodList('themes'), 'themeOther'),
  au: withOther(goodList('audiences'), 'audienceOther'),
  relay: fc.constantFrom(...codesOf('relays')).chain((relay) => (relay === 'autre' ? goodText(100).map((relayOther) => ({ relay, relayOther })) : fc.constant({ relay }))),
  representative: goodText(200), name: goodText(100), email: goodEmail, phone: goodPhone,
})).map(({ it, th, au, relay, representative, name, email, phone, ...rest }) => {
  const { values: interventionTypes, ...o1 } = it as { values: string[] };
  const { values: themes, ...o2 } = th as { values: string[] };
  const { values: audiences, ...o3 } = au as { values: string[] };
  return {
    conditionsAccepted: true, ...rest, interventionTypes, themes, audiences, ...o1, ...o2, ...o3, ...relay,
    departmentAgreement: { obtained: true, representative },
    declarant: { name, email, ...(phone === undefined ? {} : { phone }), accuracyCertified: true },
  } as Record<string, unknown>;
});

const ajv = new Ajv2020({ strict: true, allErrors: true });
const schemaValidate = ajv.compile(declarationJsonSchema());

test('every valid-by-construction declaration is accepted, by the domain and by the JSON Schema', () => {
  fc.assert(fc.property(goodDeclaration, (doc) => {
    const r = validateDeclaration(doc, { today: TODAY });
    assert.ok(r.ok, `${JSON.stringify(doc)}\n→ ${JSON.stringify(!r.ok && r.errors)}`);
    assert.ok(schemaValidate(JSON.parse(JSON.stringify(doc))), ajv.errorsText(schemaValidate.errors));
    // What is stored validates again to itself: normalising is idempotent.
    const again = validateDeclaration(r.value, { today: TODAY });
    assert.ok(again.ok);
    assert.deepEqual(again.value, r.value);
  }), { numRuns: 300 });
});

type Mutation = [name: string, path: string, value: fc.Arbitrary<unknown>, field: string, codes: readonly string[]];
const oneOf = (...v: unknown[]) => fc.constantFrom(...v);
const MUTATIONS: Mutation[] = [
  ...TEXT_FIELDS.flatMap(([path, max]): Mutation[] => [
    [`${path} blank`, path, oneOf('', '   ', '\n\t', '\u00a0\u3000'), path, ['required']],
    [`${path} missing`, path, oneOf(undefined, null), path, ['required']],
    [`${path} of a wrong type`, path, oneOf(42, true, ['x'], { text: 'x' }, 0, false), path, ['invalid_type']],
    [`${path} with a control character`, path, fc.tuple(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }), fc.constantFrom('\u0000', '\u0008', '\u001b', '\u007f', '\u0085', '\u009b'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 })).map((p) => p.join('')), path, ['invalid_characters']],
    [`${path} with a lone surrogate`, path, fc.constantFrom('a\ud800b', 'a\udc00', '\ud83d x', 'ok\udfff'), path, ['invalid_characters']],
    [`${path} too long`, path, fc.integer({ min: max + 1, max: max + 40 }).chain((n) => fc.constantFrom('a'.repeat(n), 'é'.repeat(n), 'e\u0301'.repeat(n), '👩‍👧'.repeat(n))), path, ['too_long']],
  ]),
  ['conditions unticked', 'conditionsAccepted', oneOf(false, 'true', 1, null, undefined, 'oui'), 'conditionsAccepted', ['must_accept']],
  ['agreement unticked', 'departmentAgreement.obtained', oneOf(false, 'true', 1, null, undefined), 'departmentAgreement.obtained', ['must_accept']],
  ['accuracy unticked', 'declarant.accuracyCertified', oneOf(false, 'yes', 0, null, undefined), 'declarant.accuracyCertified', ['must_accept']],
  ['no date', 'implementationDate', oneOf(undefined, null), 'implementationDate', ['required']],
  ['a date of a wrong type', 'implementationDate', oneOf(20141221, true, ['21/12/2014'], {}), 'implementationDate', ['invalid_type']],
  ['a date in the future', 'implementationDate', oneOf('01/01/2027', '2030-12-31', '16/06/2026'), 'implementationDate', ['date_in_future']],
  ['a date too recent', 'implementationDate', oneOf('16/06/2025', '2026-06-15', '01/01/2026'), 'implementationDate', ['date_too_recent']],
  ['a date that does not exist', 'implementationDate', oneOf('31/04/2020', '29/02/2023', '2019-02-29', '00/01/2000', '32/01/2000'), 'implementationDate', ['date_invalid']],
  ['a date before 1900', 'implementationDate', oneOf('31/12/1899', '1000-01-01'), 'implementationDate', ['date_too_old']],
  ['a date of another shape', 'implementationDate', oneOf('2014/12/21', 'hier', '21-12-14', 'December 21, 2014'), 'implementationDate', ['date_format']],
  ['an unknown scale', 'scale', oneOf('zz', 'Nationale', 'nationale ', 3, true), 'scale', ['invalid_choice', 'invalid_type']],
  ['no scale', 'scale', oneOf(undefined, null, ''), 'scale', ['required', 'invalid_choice']],
  ...(['interventionTypes', 'themes', 'audiences'] as const).flatMap((list): Mutation[] => [
    [`${list} empty`, list, oneOf([], undefined, null), list, ['required']],
    [`${list} with an unknown code`, list, oneOf(['zz'], ['education', 'EDUCATION'], [''], [null], [1]), list, ['invalid_choice', 'invalid_type', 'required']],
    [`${list} not a list`, list, oneOf('education', { 0: 'education' }, 1), list, ['invalid_type']],
  ]),
  ['"Autre" without its precision', 'themes', oneOf(['autre'], ['education', 'autre']), 'themeOther', ['other_required']],
  ['relay "Autre" without its precision', 'relay', oneOf('autre'), 'relayOther', ['other_required']],
  ['an unknown relay', 'relay', oneOf('zz', ['association'], 0), 'relay', ['invalid_choice', 'invalid_type']],
  ['an unknown département', 'location.departments', oneOf(['20'], ['59', '999'], ['2a'], [59]), 'location.departments', ['invalid_choice', 'invalid_type']],
  ['no département for a departmental practice', 'location.departments', oneOf([], null, undefined), 'location.departments', ['department_required']],
  ['an invalid e-mail', 'declarant.email', oneOf('camille@', '@exemple.fr', 'camille exemple.fr', 'a b@c.fr', 'x@y', 'x@y.z', 'a@b@c.fr', 'x<y@z.fr'), 'declarant.email', ['email_invalid']],
  ['an invalid phone', 'declarant.phone', oneOf('12 345', 'abc', '01 23 AB 45 67', '+33 1 23 45 67 89 01 23 45', '1234567890123456'), 'declarant.phone', ['phone_invalid']],
  ['no contact', 'declarant', oneOf(undefined, null), 'declarant', ['required']],
  ['no agreement', 'departmentAgreement', oneOf(undefined, null), 'departmentAgreement', ['required']],
  ['contact of a wrong type', 'declarant', oneOf('Camille', ['Camille'], 3), 'declarant', ['invalid_type']],
];

test('one broken rule on a valid declaration is refused, naming that field (and only it) in French', () => {
  const seen = new Set<string>();
  fc.assert(fc.property(goodDeclaration.filter((d) => d.scale === 'departementale' && !(d.themes as string[]).includes('autre') && d.relay !== 'autre'), fc.nat({ max: MUTATIONS.length - 1 }).chain((i) => fc.tuple(fc.constant(i), MUTATIONS[i]![2])), (doc, [i, value]) => {
    const [name, path, , field, codes] = MUTATIONS[i]!;
    seen.add(name);
    const r = validateDeclaration(setPath(doc, path, value), { today: TODAY });
    assert.ok(!r.ok, `${name} (${JSON.stringify(value)}) is refused`);
    assert.deepEqual([...new Set(r.errors.map((e) => e.field))], [field], `${name} (${JSON.stringify(value)}): ${JSON.stringify(r.errors)}`);
    assert.ok(r.errors.some((e) => codes.includes(e.code)), `${name}: code among ${codes}: ${JSON.stringify(r.errors)}`);
    for (const e of r.errors) assert.ok(e.message.startsWith(`${FR_LABELS[field]}\u00a0: `), e.message);
  }), { numRuns: 1500 });
  assert.equal(seen.size, MUTATIONS.length, `every mutation tried: missing ${MUTATIONS.map((m) => m[0]).filter((n) => !seen.has(n))}`);
});

// ---- Fiches ----------------------------------------------------------------------------------------------------------

test('a valid fiche is accepted with any printable text within limits, and one broken field is refused naming it', () => {
  const goodFiche = fc.record({
    title: goodText(150), entityName: goodText(150), summary: goodText(1000, true),
    objectives: goodText(5000, true), means: goodText(5000, true), keysToSuccess: goodText(5000, true),
    expectedResults: goodText(5000, true), difficulties: goodText(5000, true),
    partners: fc.array(goodText(200), { maxLength: 30 }),
    coAuthors: fc.array(fc.record({ name: goodText(100), organisation: fc.option(goodText(150), { nil: undefined }) }, { requiredKeys: ['name'] }), { maxLength: 20 }),
  }).map((texts) => ({ ...validFiche(), ...texts }));
  fc.assert(fc.property(goodFiche, (fiche) => {
    const r = validateFiche(fiche, { today: TODAY });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  }), { numRuns: 150 });
  const broken: [path: string, value: fc.Arbitrary<unknown>, field: string][] = [
    ['summary', fc.constantFrom('', '\u0000x', 'a\ud800', 'é'.repeat(1001)), 'summary'],
    ['objectives', fc.constantFrom(' ', 5, 'x'.repeat(5001)), 'objectives'],
    ['partners', fc.constantFrom(new Array(31).fill('Partenaire'), ['ok', ''], ['\u0007'], 'Éducation nationale'), 'partners'],
    ['coAuthors', fc.constantFrom([{ name: '' }], [{ organisation: 'x' }], [{ name: 'a\u0000' }]), 'coAuthors.0.name'],
    ['lastReviewedAt', fc.constantFrom('2030-01-01', '31/02/2020', 'demain'), 'lastReviewedAt'],
  ];
  fc.assert(fc.property(goodFiche, fc.constantFrom(...broken).chain(([p, v, f]) => fc.tuple(fc.constant(p), v, fc.constant(f))), (fiche, [path, value, field]) => {
    const r = validateFiche(setPath(fiche, path, value), { today: TODAY });
    assert.ok(!r.ok, `${path}=${JSON.stringify(value)} is refused`);
    assert.deepEqual([...new Set(r.errors.map((e) => e.field))], [field], JSON.stringify(r.errors));
    assert.ok(r.errors[0]!.message.startsWith(`${labelOfField(field)}\u00a0: `), r.errors[0]!.message);
  }), { numRuns: 200 });
});

// ---- The import reader ---------------------------------------------------------------------------------------------

test('the import reader never throws nor pollutes, on any text, any JSON and any CSV', () => {
  const csvCell = fc.oneof(anyString, fc.constantFrom('"', '""', '"a;b"', ';', ',', '\t', '\r\n', '\n', '|', 'oui', 'autre', 'Éducation'));
  const csvText = fc.tuple(
    fc.array(fc.constantFrom('level', 'title', 'themes', 'regions', 'departments', '__proto__', 'constructor', 'prototype', 'declarant.email', 'location.__proto__', 'Thématique', '', 'x'), { minLength: 1, maxLength: 6 }),
    fc.array(fc.array(csvCell, { maxLength: 7 }), { maxLength: 5 }),
    fc.constantFrom(';', ',', '\t'),
  ).map(([h, rows, sep]) => [h, ...rows].map((r) => r.join(sep)).join('\n'));
  const jsonText = fc.oneof(
    hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
    fc.array(fc.oneof(hostileJson, hostileDeclaration.map((d) => ({ level: 'declared', declaration: d })), hostileDeclaration.map((d) => ({ level: 'onpe', ...(d as object) }))), { maxLength: 4 }).map((v) => { try { return JSON.stringify(v); } catch { return '[]'; } }),
  );
  fc.assert(fc.property(fc.oneof(csvText, jsonText, anyString), fc.constantFrom(undefined, 'onpe', 'ddf'), fc.constantFrom(undefined, 'csv', 'json'), (text, origin, format) => {
    const r = readImport(text, { origin, format });
    assert.equal(r.records.length, r.positions.length);
    for (const p of r.problems) assert.ok(typeof p.message === 'string' && p.message.length > 0);
    // Whatever was read, the domain then judges it without throwing.
    for (const rec of r.records) {
      const v = rec.level === 'onpe' ? validateFiche(rec.fiche, { today: TODAY }) : validateDeclaration(rec.declaration, { today: TODAY });
      assert.equal(typeof v.ok, 'boolean');
    }
    assertNoPollution();
  }), { numRuns: 400 });
});

const asStored = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

test('a valid declaration read back from a JSON or a CSV import file validates to the same value', () => {
  fc.assert(fc.property(goodDeclaration, fc.constantFrom(';', ','), (doc, delimiter) => {
    const direct = validateDeclaration(doc, { today: TODAY });
    assert.ok(direct.ok);
    const fromJson = readImport(JSON.stringify([{ level: 'declared', key: 'k1', declaration: doc }]));
    assert.deepEqual(fromJson.problems, []);
    const j = validateDeclaration((fromJson.records[0] as { declaration: unknown }).declaration, { today: TODAY });
    assert.ok(j.ok, JSON.stringify(!j.ok && j.errors));
    assert.deepEqual(asStored(j.value), asStored(direct.value));
    // The CSV: one column per field, lists joined with "|", as docs/imports.md describes it.
    const v = direct.value;
    const row: Record<string, string> = {
      level: 'declared', title: v.title, entityName: v.entityName, description: v.description, scale: v.scale,
      interventionTypes: v.interventionTypes.join('|'), themes: v.themes.join('|'), audiences: v.audiences.join('|'), relay: v.relay,
      interventionTypeOther: v.interventionTypeOther ?? '', themeOther: v.themeOther ?? '', audienceOther: v.audienceOther ?? '', relayOther: v.relayOther ?? '',
      regions: v.scale === 'regionale' ? v.location.regions.join('|') : '', departments: v.location.departments.join('|'), locality: v.location.locality ?? '',
      implementationDate: v.implementationDate, conditionsAccepted: 'oui', 'departmentAgreement.obtained': 'oui',
      'departmentAgreement.representative': v.departmentAgreement.representative, 'declarant.name': v.declarant.name,
      'declarant.email': v.declarant.email, 'declarant.phone': v.declarant.phone ?? '', 'declarant.accuracyCertified': 'oui',
    };
    const csv = Papa.unparse([row], { delimiter, newline: '\r\n' });
    const fromCsv = readImport(csv, { format: 'csv' });
    assert.deepEqual(fromCsv.problems, [], csv);
    const c = validateDeclaration((fromCsv.records[0] as { declaration: unknown }).declaration, { today: TODAY });
    assert.ok(c.ok, `${csv}\n${JSON.stringify(!c.ok && c.errors)}`);
    // (A blank optional field is `undefined` on one side and absent on the other: compared as stored, in JSON.)
    assert.deepEqual(asStored(c.value), asStored(v));
  }), { numRuns: 150 });
});

// ---- The JSON feed ---------------------------------------------------------------------------------------------------

const hostileText = fc.oneof(anyString, fc.constantFrom('"items":[', '{"format":"x"}', '},{', '\\', '\\\\"', '\u2028\u2029', '</script>'));
const feedItem: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ id: hostileText, reference: hostileText, publishedAt: hostileText, title: hostileText, description: hostileText, extra: hostileJson })
    .map(({ id, reference, publishedAt, title, description, extra }) => ({ id, reference, level: 'declared', featured: false, publishedAt, updatedAt: publishedAt, declaration: { title, description, extra } })) },
  { weight: 1, arbitrary: hostileJson },
);
const feedText = fc.tuple(
  fc.array(feedItem, { maxLength: 6 }),
  fc.record({ before: fc.array(fc.tuple(key, hostileJson), { maxLength: 2 }), after: fc.array(fc.tuple(key, hostileJson), { maxLength: 2 }) }),
  fc.constantFrom(0, 2, undefined),
  fc.constantFrom('none', 'truncate', 'garble', 'format'),
  fc.nat(),
).map(([items, { before, after }, indent, damage, n]) => {
  // Keys before and after items (JSON.stringify keeps insertion order; a duplicate `items` is left out, see FeedReader).
  const doc = ownObject([...before.filter(([k]) => k !== 'items'), ['format', FEED_FORMAT], ['items', items], ...after.filter(([k]) => k !== 'items' && k !== 'format')]);
  let text = JSON.stringify(doc, null, indent);
  if (damage === 'truncate') text = text.slice(0, n % (text.length + 1));
  if (damage === 'garble') { const at = n % (text.length + 1); text = text.slice(0, at) + '",]}{\\'[n % 6] + text.slice(at); }
  if (damage === 'format') text = text.replace(FEED_FORMAT, 'pratiques-inspirantes/2');
  return text;
});

/** What parseFeed makes of a text: the feed, or the class of error it throws. */
function outcome(run: () => { feed: { items: unknown[] }; skipped: number }): unknown {
  try {
    const { feed, skipped } = run();
    return { items: feed.items, skipped };
  } catch (e) {
    assert.ok(e instanceof SyntaxError || e instanceof FeedFormatError, `only SyntaxError or FeedFormatError: ${String(e)}`);
    return e instanceof SyntaxError ? 'SyntaxError' : 'FeedFormatError';
  }
}

test('parseFeed only ever throws FeedFormatError, and what it keeps has the shape the library reads', () => {
  fc.assert(fc.property(fc.oneof(hostileJson, feedText.map((t) => { try { return JSON.parse(t) as unknown; } catch { return t; } })), (doc) => {
    const o = outcome(() => parseFeed(doc));
    assert.notEqual(o, 'SyntaxError');
    if (typeof o === 'object') for (const item of (o as { items: PublicPractice[] }).items) {
      assert.equal(typeof item.id, 'string');
      assert.equal(typeof item.reference, 'string');
    }
    assertNoPollution();
  }), { numRuns: 400 });
});

test('the streaming feed reader gives what parseFeed(JSON.parse(text)) gives, however the text is split', () => {
  fc.assert(fc.property(feedText, fc.array(fc.nat(), { maxLength: 8 }), fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), (text, cuts, max) => {
    const expected = outcome(() => parseFeed(JSON.parse(text)));
    const got = outcome(() => {
      const reader = createFeedReader();
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      let last = 0;
      const streamed: unknown[] = [];
      for (const p of [...points, text.length]) {
        reader.write(text.slice(last, p));
        last = p;
        for (let batch = reader.read(max); batch.length; batch = reader.read(max)) streamed.push(...batch);
      }
      const end = reader.end();
      assert.deepEqual(streamed, end.feed.items.slice(0, streamed.length), 'items read along the way are the first ones of the feed');
      return end;
    });
    assert.deepEqual(got, expected, text.slice(0, 300));
    assertNoPollution();
  }), { numRuns: 400 });
});

test('the streaming feed reader calls garbled text after items a SyntaxError, as JSON.parse does (a case fast-check found)', () => {
  const read = (text: string) => () => { const r = createFeedReader(); r.write(text); r.read(); return r.end(); };
  // A stray "]" after the items, then what looks like a second items list further on.
  assert.throws(read('{"format":"pratiques-inspirantes/1","items":[],"level"]:null,"__proto__":{"items":[]}}'), SyntaxError);
  // Valid JSON with two items lists stays refused as a feed (JSON.parse would keep the last one silently).
  assert.throws(read(`{"format":"${FEED_FORMAT}","taxonomyVersion":"1","generatedAt":"2026-01-01T00:00:00.000Z","items":[],"items":[]}`), FeedFormatError);
});

// ---- The review machine ----------------------------------------------------------------------------------------------

const MARK = 'AVIS-CONFIDENTIEL-';
const AT = `${TODAY}T09:00:00.000Z`;
const actorArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ id: fc.constantFrom('decl', 'rev-1', 'rev-2', 'rev-3', 'chair', 'editor'), role: fc.constantFrom(...ROLES) }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.record({ id: fc.constantFrom('', ' ', '__proto__'), role: fc.constantFrom(...ROLES, 'admin', '__proto__') }), hostileJson) },
);
const commentArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Motivation du comité', 'Pertinente et originale.', '<b>gras</b>', "'; DROP TABLE practices; --") },
  { weight: 1, arbitrary: fc.constantFrom(undefined, '', '   ', 'a\u0000b', 'x'.repeat(5001), 42) },
);
const eventArb = fc.record({
  type: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...EVENT_TYPES) }, { weight: 1, arbitrary: fc.constantFrom('HACK', '__proto__', 'toString', '') }),
  actor: actorArb,
  at: fc.oneof({ weight: 20, arbitrary: fc.constant(AT) }, { weight: 1, arbitrary: fc.constantFrom(undefined, '', 'not a date') }),
  comment: commentArb,
  opinion: fc.constantFrom('favorable', 'reserve', 'defavorable', 'favorable', 'maybe', undefined),
  into: fc.constantFrom('other-practice', 'p1', '', undefined),
  good: fc.boolean(),
}).map(({ good, ...e }) => ({ ...e, declaration: good ? validInput() : { ...validInput(), title: '' }, fiche: good ? validFiche() : { ...validFiche(), summary: '' } }));

// DESIGN.md's diagram, written out again as a plain table: the oracle of where an accepted event leads.
const NEXT: Record<string, Partial<Record<string, ReviewState>>> = {
  draft: { SUBMIT: 'submitted', WITHDRAW: 'withdrawn', IMPORT: 'submitted', PUBLISH: 'published', EDIT: 'draft' },
  submitted: { START_REVIEW: 'inReview', WITHDRAW: 'withdrawn', MERGE: 'merged' },
  inReview: { GIVE_OPINION: 'inReview', REQUEST_COMPLEMENTS: 'complementsRequested', ACCEPT: 'accepted', REJECT: 'rejected', REOPEN: 'inReview', MERGE: 'merged' },
  complementsRequested: { PROVIDE_COMPLEMENTS: 'inReview', WITHDRAW: 'withdrawn' },
  accepted: { PUBLISH: 'published', REOPEN: 'inReview' },
  published: { FEATURE: 'published', UNFEATURE: 'published', UNPUBLISH: 'accepted', EDIT: 'published', ACTUALISE: 'published' },
  rejected: { REOPEN: 'inReview' },
  withdrawn: {}, merged: {},
};

/** Replays a history with the table: the state it leads to, and whether every step was a move the diagram allows. */
function stateFromHistory(history: readonly HistoryEntry[], level: 'declared' | 'onpe'): ReviewState {
  let state: ReviewState = 'draft';
  for (const h of history) {
    const next: ReviewState | undefined = h.type === 'IMPORT' && level === 'onpe' ? 'published' : NEXT[state]![h.type];
    assert.ok(next, `${h.type} from ${state} is a move of the diagram`);
    state = next;
  }
  return state;
}

function checkInvariants(review: PersistedReview, level: 'declared' | 'onpe', minOpinions: number): void {
  const { state, history, opinions, featured } = deriveReview(review);
  const ctx = restore(review).context;
  assert.equal(stateFromHistory(history, level), state, 'the history explains the state');
  // Nothing published without a chair's accepted decision with a motivation (a declared practice; ONPE fiches are the editor's).
  if (level === 'declared' && state === 'published') {
    const decisions = history.filter((h) => ['ACCEPT', 'REJECT', 'REOPEN', 'MERGE'].includes(h.type));
    const last = decisions.at(-1);
    assert.equal(last?.type, 'ACCEPT', 'the last decision is an acceptance');
    assert.equal(last!.actor.role, 'chair');
    assert.ok(last!.comment && last!.comment.trim().length > 0, 'with a motivation');
    // ...taken with enough opinions in its round.
    const acceptAt = history.lastIndexOf(last!);
    const roundStart = history.map((h) => h.type).lastIndexOf('REOPEN', acceptAt) + 1;
    const reviewers = new Set(history.slice(roundStart, acceptAt).filter((h) => h.type === 'GIVE_OPINION').map((h) => h.actor.id));
    assert.ok(reviewers.size >= minOpinions, `ACCEPT with ${reviewers.size} opinions, ${minOpinions} needed`);
  }
  if (level === 'declared') assert.ok(!history.some((h) => ['EDIT', 'ACTUALISE'].includes(h.type)), 'fiche-only events never apply to a declared practice');
  // Featured only while published, and as the last FEATURE / UNFEATURE / UNPUBLISH says.
  const lastMark = [...history].reverse().find((h) => ['FEATURE', 'UNFEATURE', 'UNPUBLISH'].includes(h.type));
  assert.equal(featured, state === 'published' && lastMark?.type === 'FEATURE');
  // The opinions are the last one of each reviewer since the round began.
  const roundStart = history.map((h) => h.type).lastIndexOf('REOPEN') + 1;
  const byReviewer = new Map<string, string>();
  for (const h of history.slice(roundStart)) if (h.type === 'GIVE_OPINION') byReviewer.set(h.actor.id, h.opinion!);
  assert.deepEqual(new Map(opinions.map((o) => [o.actor.id, o.opinion])), byReviewer);
  assert.equal(ctx.history.length, history.length);
  for (const h of history) {
    assert.ok(ROLES.includes(h.actor.role) && h.actor.id.trim(), 'every entry has an actor with a role');
    assert.ok(!Number.isNaN(Date.parse(h.at)), 'and a time');
  }
}

test('random events by random actors keep the machine\'s invariants; an illegal event changes nothing; replaying the history gives the same snapshot', () => {
  const stats = { accepted: 0, refused: 0, published: 0 };
  fc.assert(fc.property(
    fc.constantFrom<'declared' | 'onpe'>('declared', 'declared', 'onpe'), fc.constantFrom(0, 1, 2, 3),
    fc.array(fc.record({ guided: fc.nat({ max: 3 }).map((n) => n > 0), pick: fc.nat(), who: fc.nat(), raw: eventArb }), { minLength: 1, maxLength: 40 }),
    (level, minOpinions, steps) => {
      const start = createReview({ practiceId: 'p1', level, minOpinions });
      let current = start;
      const acceptedEvents: ReviewEvent[] = [];
      for (const { guided, pick, who, raw } of steps) {
        // Three events in four are drawn among those the state has, by a role that may send them, so sequences go far;
        // the others are anything at all.
        let e: unknown = raw;
        if (guided) {
          const types = Object.keys(NEXT[deriveReview(current).state]!);
          const type = types.length ? types[pick % types.length]! : raw.type;
          const roles = EVENT_RULES[type as keyof typeof EVENT_RULES]?.roles ?? ROLES;
          const role = roles[who % roles.length]!;
          const id = role === 'reviewer' ? `rev-${(who % 3) + 1}` : role;
          e = { ...raw, type, actor: { id, role }, at: AT, comment: typeof raw.comment === 'string' && raw.comment.trim() && raw.comment.length < 5000 && !raw.comment.includes('\u0000') ? raw.comment : 'Motivation', opinion: raw.opinion ?? 'favorable' };
        }
        const before = JSON.stringify(current);
        const r = applyReviewEvent(current, e as unknown as ReviewEvent);
        assert.equal(JSON.stringify(current), before, 'the input snapshot is never modified');
        if (!r.ok) {
          stats.refused++;
          assert.equal(typeof r.refusal.message, 'string');
          assert.ok(r.refusal.message.length > 0);
          continue;
        }
        stats.accepted++;
        const old = deriveReview(current).history;
        const now = r.review.history;
        assert.equal(now.length, old.length + 1, 'one entry appended per accepted event');
        assert.deepEqual(now.slice(0, old.length), old, 'history is append-only');
        assert.equal(now.at(-1)!.type, (e as { type: string }).type);
        assert.equal(now.at(-1)!.actor.id, (e as { actor: Actor }).actor.id);
        current = r.snapshot;
        acceptedEvents.push(e as unknown as ReviewEvent);
        checkInvariants(current, level, minOpinions);
        if (r.review.state === 'published') stats.published++;
      }
      // A replay of the accepted events from the start gives the very same snapshot.
      let replay = start;
      for (const e of acceptedEvents) {
        const r = applyReviewEvent(replay, e);
        assert.ok(r.ok);
        replay = r.snapshot;
      }
      assert.deepEqual(replay, current);
      assertNoPollution();
    },
  ), { numRuns: 400 });
  assert.ok(stats.accepted > 500 && stats.refused > 500, JSON.stringify(stats));
});

test('opinions never reach the public view nor the declarant\'s, whatever the committee did (memory store, random sequences)', async () => {
  // Guided toward publication: the committee's events in a sensible order, with random actors and noise mixed in.
  const step = fc.record({
    type: fc.constantFrom('START_REVIEW', 'GIVE_OPINION', 'GIVE_OPINION', 'GIVE_OPINION', 'REQUEST_COMPLEMENTS', 'PROVIDE_COMPLEMENTS', 'ACCEPT', 'ACCEPT', 'PUBLISH', 'PUBLISH', 'FEATURE', 'UNPUBLISH', 'REOPEN', 'REJECT'),
    actor: fc.oneof({ weight: 4, arbitrary: fc.constant('fit') }, { weight: 1, arbitrary: fc.constantFrom('declarant', 'reviewer', 'chair', 'editor') }),
    guided: fc.nat({ max: 4 }).map((n) => n > 0),
    pick: fc.nat(),
    reviewer: fc.constantFrom('rev-1', 'rev-2', 'rev-3'),
    opinion: fc.constantFrom('favorable', 'reserve', 'defavorable'),
  });
  let published = 0;
  await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 25 }), async (steps) => {
    let clock = 0;
    const store = createMemoryStore({ clock: () => new Date(Date.parse(AT) + ++clock * 1000) });
    const first = await store.submit(validInput(), { idempotencyKey: 'k' });
    const declarant: Actor = { id: 'declarant', role: 'declarant', token: first.declarantToken };
    const FIT: Record<string, string> = { START_REVIEW: 'reviewer', GIVE_OPINION: 'reviewer', REQUEST_COMPLEMENTS: 'chair', PROVIDE_COMPLEMENTS: 'declarant', ACCEPT: 'chair', PUBLISH: 'editor', FEATURE: 'editor', UNPUBLISH: 'editor', REOPEN: 'chair', REJECT: 'chair' };
    let n = 0;
    let reached = false;
    // Four steps in five follow the committee's usual path from the current state (so publication is reached often).
    const USUAL: Record<string, string[]> = {
      submitted: ['START_REVIEW'], inReview: ['GIVE_OPINION', 'GIVE_OPINION', 'GIVE_OPINION', 'ACCEPT', 'ACCEPT', 'REQUEST_COMPLEMENTS', 'REJECT'],
      complementsRequested: ['PROVIDE_COMPLEMENTS'], accepted: ['PUBLISH', 'PUBLISH', 'REOPEN'], published: ['FEATURE', 'UNPUBLISH', 'FEATURE'], rejected: ['REOPEN'],
    };
    for (const step of steps) {
      const state = ((await store.get(first.id, { actor: { id: 'chair', role: 'chair' } })) as Practice).review.state;
      const usual = USUAL[state];
      const s = step.guided && usual ? { ...step, type: usual[step.pick % usual.length]!, actor: 'fit' } : step;
      const role = s.actor === 'fit' ? FIT[s.type]! : s.actor;
      const actor: Actor = role === 'declarant' ? declarant : { id: role === 'reviewer' ? s.reviewer : role, role: role as Actor['role'] };
      const committee = (await store.get(first.id, { actor: { id: 'chair', role: 'chair' } })) as Practice;
      const event = { type: s.type, actor, comment: `${MARK}${++n} ${s.type}`, opinion: s.opinion, into: 'x', declaration: validInput() };
      try {
        await store.send(first.id, event as never, { expectedVersion: committee.version });
      } catch (e) {
        assert.equal((e as { code?: string }).code, 'illegal-transition', String(e));
      }
      const after = (await store.get(first.id, { actor: { id: 'chair', role: 'chair' } })) as Practice;
      const opinionMarks = after.review.history.filter((h) => h.type === 'GIVE_OPINION').map((h) => h.comment!);
      const views = [await store.get(first.id), await store.get(first.id, { actor: declarant }), (await store.search({})).items];
      for (const view of views) {
        const text = JSON.stringify(view ?? null);
        for (const mark of opinionMarks) assert.ok(!text.includes(mark), `an opinion's comment leaked: ${mark}`);
        assert.ok(!/"opinions?"\s*:/.test(text), 'no opinion field');
        assert.ok(!text.includes('GIVE_OPINION') && !text.includes('defavorable') && !text.includes('"reserve"'), 'no trace of an opinion');
        assert.ok(!text.includes('camille.martin@example.org') || view === views[1], 'the public never sees the contact');
        assert.ok(!text.includes('rev-1') && !text.includes('rev-2') && !text.includes('rev-3'), 'reviewers are not named');
      }
      if (after.review.state === 'published') {
        reached = true;
        assert.ok(views[0], 'a published practice is public');
      } else assert.equal(views[0], undefined, 'only published practices are public');
    }
    if (reached) published++;
  }), { numRuns: 60 });
  assert.ok(published >= 5, `publication reached in ${published} runs of 60`);
});
