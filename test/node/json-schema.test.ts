// The declaration's JSON Schema against its zod schema, with a standard validator (Ajv, draft 2020-12) over generated cases.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { declarationJsonSchema, JSON_SCHEMA_EXCEPTIONS, taxonomy, validateDeclaration } from '../../src/index.js';
import { TODAY, validInput, withField } from '../support/declarations.js';

// Strict mode: an unknown keyword or a keyword without its type is an error, so portals can compile it as strictly.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const schemaValidate = ajv.compile(declarationJsonSchema());
const EXCEPTION_CODES = new Set<string>(JSON_SCHEMA_EXCEPTIONS.map((e) => e.code));

const codesOf = (list: keyof typeof taxonomy) => (taxonomy[list] as readonly { code: string }[]).map((t) => t.code);
const REGIONS = codesOf('regions');
const DEPARTMENTS = taxonomy.departments.map((d) => d.code);

/** What a portal would send: the value as JSON. */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

interface Outcome { zod: ReturnType<typeof validateDeclaration>; json: boolean }
function judge(doc: unknown): Outcome {
  return { zod: validateDeclaration(doc, { today: TODAY }), json: schemaValidate(doc) as boolean };
}

/** Both directions on one document; returns which of the four cases it fell in. */
function checkBothWays(doc: unknown): 'both-accept' | 'both-refuse' | 'excused' {
  const { zod, json } = judge(doc);
  if (zod.ok) {
    assert.ok(json, `the domain accepts but the JSON Schema refuses ${JSON.stringify(doc)}: ${ajv.errorsText(schemaValidate.errors)}`);
    return 'both-accept';
  }
  if (!json) return 'both-refuse';
  const unexplained = zod.errors.filter((e) => !EXCEPTION_CODES.has(e.code));
  assert.deepEqual(unexplained, [], `the JSON Schema accepts ${JSON.stringify(doc)} which the domain refuses for a rule JSON Schema can express`);
  return 'excused';
}

// ---- Generators -------------------------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ws = fc.constantFrom('', '', '', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', ' \n ');
const padded = (core: fc.Arbitrary<string>) => fc.tuple(ws, core, ws).map(([a, b, c]) => a + b + c);

/** Text a person could type, within or a little past its limit. */
function textArb(max: number, { multiline = false } = {}) {
  const core = fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 30) }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('Protection de l’enfance', 'Ein Kind 👩‍👧 🇫🇷', 'e\u0301te\u0301', 'x'.repeat(max), `${'é'.repeat(max - 1)}e\u0301`) },
  ).filter((s) => /\S/.test(s));
  const text = multiline ? fc.array(core, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('\n\n')) : core;
  return padded(text);
}

const dateArb = fc.date({ min: new Date('1900-01-01T12:00:00Z'), max: new Date('2025-06-01T12:00:00Z'), noInvalidDate: true }).chain((d) => {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return fc.constantFrom(
    `${pad(y, 4)}-${pad(m)}-${pad(day)}`, `${pad(day)}/${pad(m)}/${y}`, `${day}/${m}/${y}`, `${pad(day)}.${pad(m)}.${y}`, ` ${day}-${m}-${y} `,
  );
});

const codeList = (list: keyof typeof taxonomy) => fc.array(fc.constantFrom(...codesOf(list)), { minLength: 1, maxLength: 4 });
const emailArb = fc.oneof(
  fc.emailAddress(),
  padded(fc.constantFrom('camille.martin@example.org', 'élise@exemple.fr', 'a+b@sous.domaine.gouv.fr')),
);
const phoneArb = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.constant(''), fc.constant('  '),
  fc.constantFrom('01 23 45 67 89', '+33 (0)1.23.45.67.89', '0590-12-34-56', '123456', '+1234567890123'),
  fc.stringMatching(/^\+?[0-9 .()-]{4,24}$/),
);

/** A location that fits the scale, sometimes with null or absent parts, or repeated codes. */
function locationArb(scale: string) {
  const some = (codes: string[], max: number) => fc.array(fc.constantFrom(...codes), { minLength: 1, maxLength: max });
  const emptyish = fc.constantFrom<unknown>(undefined, null, []);
  switch (scale) {
    case 'nationale':
      return fc.record({ regions: emptyish, departments: emptyish }, { requiredKeys: [] });
    case 'regionale':
      return some(REGIONS, 3).chain((regions) => {
        const inside = DEPARTMENTS.filter((d) => regions.includes(taxonomy.departments.find((x) => x.code === d)!.region));
        return fc.record({ regions: fc.constant(regions), departments: fc.oneof(emptyish, fc.subarray(inside)) }, { requiredKeys: ['regions'] });
      });
    case 'departementale':
      return fc.record({ regions: fc.oneof(emptyish, some(REGIONS, 2)), departments: some(DEPARTMENTS, 4) }, { requiredKeys: ['departments'] });
    default:
      return fc.record({
        regions: emptyish,
        departments: fc.constantFrom(...DEPARTMENTS).chain((d) => fc.constantFrom([d], [d, d])),
        locality: textArb(100),
      }, { requiredKeys: ['departments', 'locality'] });
  }
}

/** Declarations meant to be valid (the domain judges; most are). */
const declarationArb = fc.constantFrom(...codesOf('scales')).chain((scale) => fc.record({
  conditionsAccepted: fc.constant(true),
  implementationDate: dateArb,
  entityName: textArb(100),
  title: textArb(100),
  description: textArb(1000, { multiline: true }),
  scale: fc.constant(scale),
  interventionTypes: codeList('interventionTypes'),
  themes: codeList('themes'),
  audiences: codeList('audiences'),
  relay: fc.constantFrom(...codesOf('relays')),
  interventionTypeOther: fc.option(textArb(100), { nil: undefined }),
  themeOther: fc.option(textArb(100), { nil: undefined }),
  audienceOther: fc.option(textArb(100), { nil: undefined }),
  relayOther: fc.option(textArb(100), { nil: undefined }),
  location: locationArb(scale),
  departmentAgreement: fc.record({ obtained: fc.constant(true), representative: textArb(200) }),
  declarant: fc.record({ name: textArb(100), email: emailArb, phone: phoneArb, accuracyCertified: fc.constant(true) }, { requiredKeys: ['name', 'email', 'accuracyCertified'] }),
}, { requiredKeys: ['conditionsAccepted', 'implementationDate', 'entityName', 'title', 'description', 'scale', 'interventionTypes', 'themes', 'audiences', 'relay', 'location', 'departmentAgreement', 'declarant'] }));

const PATHS = [
  'conditionsAccepted', 'implementationDate', 'entityName', 'title', 'description', 'scale', 'interventionTypes', 'themes',
  'audiences', 'relay', 'interventionTypeOther', 'themeOther', 'audienceOther', 'relayOther', 'location', 'location.regions',
  'location.departments', 'location.locality', 'departmentAgreement', 'departmentAgreement.obtained',
  'departmentAgreement.representative', 'declarant', 'declarant.name', 'declarant.email', 'declarant.phone', 'declarant.accuracyCertified',
];

/** Values a mutation puts somewhere: wrong types, blanks, hostile characters, near-misses of valid values. */
const hostile = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, '', ' ', '\u000b', 'a\u0000b', 'a\u0085b', 'x\u000bx', '\ud800', 'e\u0301', 'autre', ['autre'], true, false, 0, 1,
    [], {}, ['zz'], ['2A', '2A'], ['75', '13'], ['11', '84'], '31/04/2020', '29/02/2023', '29/02/2024', '00/01/2000', '2999-01-01',
    '1899-12-31', '15/13/2000', '2026-06-01', 'nationale', 'regionale', 'locale', 'departementale', 'a@b.c', 'a@b.cd', 'a<\u0338b@x.fr',
    'a@b.\u0344', 'a\u037e@b.fr', '12345', '+33 1 23 45 67 89 01 23', 'x'.repeat(101), 'é'.repeat(101), 'a'.repeat(1001),
    `${' '.repeat(50)}${'a'.repeat(100)}${' '.repeat(50)}`,
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const mutatedArb = fc.tuple(declarationArb, fc.array(fc.tuple(fc.constantFrom(...PATHS), hostile), { minLength: 1, maxLength: 3 }))
  .map(([doc, mutations]) => {
    let out: Record<string, unknown> = doc as Record<string, unknown>;
    for (const [path, value] of mutations) {
      const parent = path.split('.').slice(0, -1).join('.');
      const holder = parent ? parent.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], out) : out;
      if (holder && typeof holder === 'object' && !Array.isArray(holder)) out = withField(path, value, out);
    }
    return out;
  });

// ---- Properties -------------------------------------------------------------------------------------------------

test('the JSON Schema compiles in Ajv\'s strict mode and holds no hand-written copy of a rule', () => {
  const schema = declarationJsonSchema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(declarationJsonSchema(), schema, 'the same value every time');
  // Every taxonomy code is in it, from the taxonomy itself.
  const text = JSON.stringify(schema);
  for (const c of [...REGIONS, ...DEPARTMENTS, ...codesOf('themes')]) assert.ok(text.includes(`"${c}"`), c);
});

test('the fixture is accepted by both, and each documented exception is real (JSON accepts, the domain refuses with that code)', () => {
  assert.equal(checkBothWays(asJson(validInput())), 'both-accept');
  const base = validInput();
  const regional = { ...base, scale: 'regionale', location: { regions: ['32'], departments: ['75'] } };
  const local = { ...base, scale: 'locale', location: { regions: [], departments: ['59', '62'], locality: 'Lille' } };
  const cases: Record<(typeof JSON_SCHEMA_EXCEPTIONS)[number]['code'], unknown> = {
    too_long: withField('title', 'é'.repeat(101)),
    date_invalid: withField('implementationDate', '31/04/2020'),
    date_in_future: withField('implementationDate', '2030-01-01'),
    date_too_recent: withField('implementationDate', '01/01/2026'),
    department_outside_regions: regional,
    single_department: local,
    invalid_characters: withField('description', 'Une ligne\u000bune autre'),
    email_invalid: withField('declarant.email', 'camille@exemple.é'),
  };
  for (const [code, doc] of Object.entries(cases)) {
    const { zod, json } = judge(asJson(doc));
    assert.ok(json, `${code}: the JSON Schema accepts it (${ajv.errorsText(schemaValidate.errors)})`);
    assert.ok(!zod.ok && zod.errors.some((e) => e.code === code), `${code}: the domain refuses it with that code: ${JSON.stringify(zod)}`);
  }
  assert.deepEqual(Object.keys(cases).sort(), [...EXCEPTION_CODES].sort(), 'one case per documented exception');
});

test('rules JSON Schema can say are refused by both: "Autre" without precision, territory by scale, formats', () => {
  const base = validInput();
  const refusedByBoth: [string, unknown][] = [
    ['themes autre without themeOther', withField('themes', ['education', 'autre'])],
    ['relay autre with a blank precision', { ...withField('relay', 'autre'), relayOther: '   ' }],
    ['national with a département', { ...base, scale: 'nationale', location: { regions: [], departments: ['59'] } }],
    ['regional without région', { ...base, scale: 'regionale', location: { regions: null, departments: [] } }],
    ['departmental without département', { ...base, location: { regions: ['32'] } }],
    ['local without locality', { ...base, scale: 'locale', location: { departments: ['59'], locality: ' ' } }],
    ['unknown département', withField('location.departments', ['20'])],
    ['blank title', withField('title', ' \n ')],
    ['control character', withField('entityName', 'Asso\u0007')],
    ['date shape', withField('implementationDate', '2014/12/21')],
    ['date before 1900', withField('implementationDate', '31/12/1899')],
    ['e-mail without domain', withField('declarant.email', 'camille@')],
    ['phone with 5 digits', withField('declarant.phone', '12 345')],
    ['phone with letters', withField('declarant.phone', '01 23 AB 45 67')],
    ['unticked box', withField('departmentAgreement.obtained', false)],
  ];
  for (const [name, doc] of refusedByBoth) {
    const { zod, json } = judge(asJson(doc));
    assert.ok(!zod.ok, `${name}: the domain refuses it`);
    assert.ok(!json, `${name}: the JSON Schema refuses it`);
  }
});

test('over generated declarations: whatever the domain accepts the JSON Schema accepts, and the reverse but for the documented exceptions', () => {
  const seen = { 'both-accept': 0, 'both-refuse': 0, excused: 0 };
  fc.assert(fc.property(declarationArb, (doc) => void seen[checkBothWays(asJson(doc))]++), { numRuns: 800, seed: 20260615 });
  fc.assert(fc.property(mutatedArb, (doc) => void seen[checkBothWays(asJson(doc))]++), { numRuns: 1200, seed: 7 });
  // Not vacuous: the generators reach every outcome many times.
  console.log(JSON.stringify(seen));
  assert.ok(seen["both-accept"] > 400, JSON.stringify(seen));
  assert.ok(seen["both-refuse"] > 500, JSON.stringify(seen));
  assert.ok(seen.excused > 20, JSON.stringify(seen));
});

test('docs/schemas.md names every exception, so portals know what the JSON Schema leaves to the server', () => {
  const doc = readFileSync(new URL('../../docs/schemas.md', import.meta.url), 'utf8');
  for (const { code } of JSON_SCHEMA_EXCEPTIONS) assert.match(doc, new RegExp(`\\| \`${code}\` \\|`), code);
});
