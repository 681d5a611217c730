// Open-data export: the CSV is read back with an RFC 4180 reader, so the tests check values, not string fragments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CSV_COLUMNS, CSV_LABELS, exportFileName, practicesToCsv, practicesToJson, type CsvColumn, type CsvOptions,
} from '../../src/export/index.js';
import { FEED_FORMAT, parseFeed } from '../../src/feed.js';
import type { Practice, PublicPractice } from '../../src/model.js';
import { createTaxonomy, TAXONOMY_VERSION } from '../../src/taxonomy/index.js';

// ---------------------------------------------------------------------------------------------
// A small RFC 4180 reader: quoted fields may hold the separator, doubled quotes, CR and LF;
// records end with CRLF. It is strict, so a malformed file fails the test instead of being guessed.

function readCsv(input: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
        i += 1;
        const next = input[i];
        assert.ok(next === undefined || next === separator || next === '\r', `a closing quote must end the field (offset ${i})`);
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      assert.ok(!fieldStarted, `a quote inside an unquoted field (offset ${i})`);
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === separator) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i += 1;
    } else if (ch === '\r') {
      assert.equal(input[i + 1], '\n', `a bare CR outside quotes (offset ${i})`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += 2;
    } else {
      assert.ok(ch !== '\n', `a bare LF outside quotes (offset ${i})`);
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  assert.ok(!quoted, 'an unterminated quoted field');
  assert.ok(!fieldStarted && row.length === 0, 'the last record must end with CRLF');
  return rows;
}

/** Reads an export into its header and records keyed by column. */
function parseExport(csv: string, options: CsvOptions = {}): { header: string[]; records: Record<CsvColumn, string>[] } {
  const bom = options.bom ?? true;
  assert.equal(csv.startsWith('\uFEFF'), bom, bom ? 'a BOM is expected' : 'no BOM is expected');
  const [header, ...rows] = readCsv(bom ? csv.slice(1) : csv, options.separator ?? ';');
  assert.ok(header, 'a header row');
  for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length, 'every row has every column');
  const records = rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((key, i) => [key, r[i]!])) as Record<CsvColumn, string>);
  return { header, records };
}

// ---------------------------------------------------------------------------------------------
// Fixtures

function declared(): PublicPractice {
  return {
    id: 'p-0001',
    reference: 'PI-2026-000001',
    level: 'declared',
    featured: true,
    publishedAt: '2026-03-01T23:30:00.000Z', // already 2 March in Paris
    updatedAt: '2026-03-02T08:00:00.000Z',
    declaration: {
      conditionsAccepted: true,
      implementationDate: '2014-12-21',
      entityName: 'Association Grandir Ensemble 59',
      title: 'Groupes de parole pour parents d’adolescents',
      description: 'Des groupes de parole mensuels réunissent parents et professionnels.',
      scale: 'regionale',
      interventionTypes: ['accueil-de-jour', 'autre'],
      interventionTypeOther: 'Médiation familiale',
      themes: ['education', 'violences-conjugales'],
      audiences: ['adolescents'],
      relay: 'autre',
      relayOther: 'Collectif de parents',
      location: { regions: ['32'], departments: ['59', '62'], locality: 'Roubaix' },
    },
  };
}

function fiche(): PublicPractice {
  return {
    id: 'f-0001',
    reference: 'PI-2024-000042',
    level: 'onpe',
    featured: false,
    publishedAt: '2024-02-15T09:00:00.000Z',
    updatedAt: '2024-02-15T09:00:00.000Z',
    fiche: {
      title: 'Une équipe départementale dédiée',
      entityName: 'Collectivité de Corse',
      summary: 'Une équipe pluridisciplinaire intervient auprès des adolescents.',
      objectives: 'Repérer plus tôt.',
      means: 'Cinq éducateurs; une psychologue.',
      keysToSuccess: 'La continuité du lien.',
      expectedResults: 'Moins de fugues.',
      difficulties: 'Le manque de places.',
      partners: ['Parquet des mineurs', 'Éducation nationale'],
      coAuthors: [{ name: 'Claire Vasseur', organisation: 'ONPE' }],
      scale: 'departementale',
      interventionTypes: ['diagnostic-situation'],
      themes: ['autre'],
      themeOther: 'Prostitution des mineurs',
      audiences: ['adolescents', 'jeunes-majeurs'],
      location: { regions: [], departments: ['2A'] },
      lastReviewedAt: '2024-01-22',
    },
  };
}

/** A declared practice whose title (or another text field) is `value`. */
function withTitle(value: string): PublicPractice {
  const p = declared();
  p.declaration!.title = value;
  return p;
}

const onlyRecord = (csv: string, options?: CsvOptions) => {
  const { records } = parseExport(csv, options);
  assert.equal(records.length, 1);
  return records[0]!;
};

// ---------------------------------------------------------------------------------------------
// Header

test('the header row is in the requested language, French by default', () => {
  const cases: [CsvOptions['lang'], string, string, string][] = [
    [undefined, 'Référence', 'Date de mise en œuvre', 'Identifiant'],
    ['fr', 'Référence', 'Date de mise en œuvre', 'Identifiant'],
    ['en', 'Reference', 'Implementation date', 'Identifier'],
    ['de', 'Referenz', 'Umsetzungsdatum', 'Kennung'],
  ];
  for (const [lang, first, implementation, last] of cases) {
    const { header, records } = parseExport(practicesToCsv([], { lang }));
    assert.equal(records.length, 0);
    assert.deepEqual(header, CSV_COLUMNS.map((key) => CSV_LABELS[lang ?? 'fr'][key]));
    assert.equal(header[0], first);
    assert.equal(header[CSV_COLUMNS.indexOf('implementationDate')], implementation);
    assert.equal(header.at(-1), last);
    assert.equal(new Set(header).size, header.length, `${lang}: header labels are distinct`);
  }
});

test('the column order is the documented one', () => {
  assert.deepEqual([...CSV_COLUMNS], [
    'reference', 'level', 'title', 'entity', 'scale', 'interventionTypes', 'themes', 'audiences', 'relay',
    'regions', 'departments', 'locality', 'implementationDate', 'description',
    'objectives', 'means', 'keysToSuccess', 'expectedResults', 'difficulties', 'partners',
    'featured', 'publishedAt', 'id',
  ]);
});

// ---------------------------------------------------------------------------------------------
// Rows

test('a declared practice gives one row with labels, dates JJ/MM/AAAA and empty fiche sections', () => {
  assert.deepEqual(onlyRecord(practicesToCsv([declared()])), {
    reference: 'PI-2026-000001',
    level: 'Pratique déclarée',
    title: 'Groupes de parole pour parents d’adolescents',
    entity: 'Association Grandir Ensemble 59',
    scale: 'Régionale',
    interventionTypes: 'Accueil de jour | Autre (Médiation familiale)',
    themes: 'Éducation | Violences conjugales',
    audiences: 'Adolescents',
    relay: 'Autre (Collectif de parents)',
    regions: 'Hauts-de-France',
    departments: '59 – Nord | 62 – Pas-de-Calais',
    locality: 'Roubaix',
    implementationDate: '21/12/2014',
    description: 'Des groupes de parole mensuels réunissent parents et professionnels.',
    objectives: '',
    means: '',
    keysToSuccess: '',
    expectedResults: '',
    difficulties: '',
    partners: '',
    featured: 'Oui',
    publishedAt: '02/03/2026',
    id: 'p-0001',
  });
});

test('an ONPE fiche gives its summary, sections and partners', () => {
  assert.deepEqual(onlyRecord(practicesToCsv([fiche()])), {
    reference: 'PI-2024-000042',
    level: 'Fiche dispositif ONPE',
    title: 'Une équipe départementale dédiée',
    entity: 'Collectivité de Corse',
    scale: 'Départementale',
    interventionTypes: 'Diagnostic de situation',
    themes: 'Autre (Prostitution des mineurs)',
    audiences: 'Adolescents | Jeunes majeurs',
    relay: '',
    regions: '',
    departments: '2A – Corse-du-Sud',
    locality: '',
    implementationDate: '',
    description: 'Une équipe pluridisciplinaire intervient auprès des adolescents.',
    objectives: 'Repérer plus tôt.',
    means: 'Cinq éducateurs; une psychologue.',
    keysToSuccess: 'La continuité du lien.',
    expectedResults: 'Moins de fugues.',
    difficulties: 'Le manque de places.',
    partners: 'Parquet des mineurs | Éducation nationale',
    featured: 'Non',
    publishedAt: '15/02/2024',
    id: 'f-0001',
  });
});

test('rows follow the order of the items; yes and no follow the language', () => {
  const cases: [CsvOptions['lang'], string, string][] = [['fr', 'Oui', 'Non'], ['en', 'Yes', 'No'], ['de', 'Ja', 'Nein']];
  for (const [lang, yes, no] of cases) {
    const { records } = parseExport(practicesToCsv([declared(), fiche()], { lang }));
    assert.deepEqual(records.map((r) => [r.id, r.featured]), [['p-0001', yes], ['f-0001', no]]);
  }
});

test('labels follow a host\'s taxonomy overrides', () => {
  const t = createTaxonomy({ themes: { education: 'Scolarité' }, levels: { declared: 'Pratique' } });
  const r = onlyRecord(practicesToCsv([declared()], { taxonomy: t }));
  assert.equal(r.themes, 'Scolarité | Violences conjugales');
  assert.equal(r.level, 'Pratique');
});

test('a record with missing parts (as a loosely parsed feed may hold) gives empty cells, not an error', () => {
  const odd = { id: 'x', reference: 'PI-X', level: 'declared', featured: false, publishedAt: 'pas une date', updatedAt: '', declaration: { title: 'Seul le titre' } } as unknown as PublicPractice;
  const r = onlyRecord(practicesToCsv([odd]));
  assert.equal(r.title, 'Seul le titre');
  assert.equal(r.themes, '');
  assert.equal(r.departments, '');
  assert.equal(r.publishedAt, 'pas une date');
});

// ---------------------------------------------------------------------------------------------
// Quoting, separator and BOM

test('fields holding the separator, a quote, CR or LF are quoted and read back whole', () => {
  const values = ['a;b', 'a,b', 'dit "bonjour"', '"', 'ligne 1\nligne 2', 'ligne 1\r\nligne 2', 'fin\r', ';;;', ''];
  for (const separator of [';', ','] as const) {
    for (const value of values) {
      const options = { separator };
      const csv = practicesToCsv([withTitle(value)], options);
      assert.equal(onlyRecord(csv, options).title, value, `${JSON.stringify(value)} with ${separator}`);
    }
  }
});

test('only the fields that need it are quoted, with quotes doubled', () => {
  const cases: [string, ';' | ',', string][] = [
    ['a;b', ';', '"a;b"'],
    ['a,b', ';', 'a,b'],
    ['a,b', ',', '"a,b"'],
    ['a;b', ',', 'a;b'],
    ['dit "oui"', ';', '"dit ""oui"""'],
    ['x\ny', ';', '"x\ny"'],
    ['simple', ';', 'simple'],
  ];
  for (const [value, separator, raw] of cases) {
    const line = practicesToCsv([withTitle(value)], { separator, bom: false }).split('\r\n')[1]!;
    const cells = line.split(separator);
    // The title is the third column; the preceding two never need quoting in this fixture.
    assert.equal(line.startsWith(`PI-2026-000001${separator}Pratique déclarée${separator}${raw}${separator}`), true, `${JSON.stringify(value)} → ${raw}: ${cells.slice(0, 3).join(separator)}`);
  }
});

test('a UTF-8 BOM and ";" by default; both can be changed', () => {
  const cases: CsvOptions[] = [{}, { bom: true }, { bom: false }, { separator: ',' }, { separator: ',', bom: false }];
  for (const options of cases) {
    const csv = practicesToCsv([declared(), fiche()], options);
    assert.equal(csv.charCodeAt(0) === 0xfeff, options.bom ?? true);
    assert.equal(csv.indexOf('\uFEFF', 1), -1, 'one BOM at most');
    const { records } = parseExport(csv, options);
    assert.deepEqual(records, parseExport(practicesToCsv([declared(), fiche()])).records);
  }
});

test('every record ends with CRLF and there is no bare LF outside quoted fields', () => {
  const csv = practicesToCsv([declared(), fiche()], { bom: false });
  assert.ok(csv.endsWith('\r\n'));
  assert.equal(csv.split('\r\n').length, 4); // header, two rows, the empty rest after the last CRLF
  assert.ok(!/[^\r]\n/.test(csv));
});

// ---------------------------------------------------------------------------------------------
// Formula injection and characters

test('a cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
  const cases: [string, string][] = [
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\t=x', "'\t=x"],
    ['\tx', "'\tx"],
    ['\r=x', "'\r=x"],
    ['  =1', "'  =1"],
    ['\u00a0+1', "'\u00a0+1"],
    ['\n=1', "'\n=1"],
    ['\u0000=1', "'=1"], // control characters go first, so they cannot hide a formula
    ['=HYPERLINK("http://x";"y")', '\'=HYPERLINK("http://x";"y")'],
  ];
  for (const [value, expected] of cases) {
    assert.equal(onlyRecord(practicesToCsv([withTitle(value)])).title, expected, JSON.stringify(value));
  }
});

test('ordinary text is left untouched, a sign inside a cell too', () => {
  for (const value of ['Éducation', '2014', 'a=b', 'e-mail', 'x+y', 'contact@asso', "'déjà", ' texte']) {
    assert.equal(onlyRecord(practicesToCsv([withTitle(value)])).title, value, JSON.stringify(value));
  }
});

test('every column is protected: entity, locality, precision, fiche sections, partners', () => {
  const d = declared();
  d.declaration!.entityName = '=1+1';
  d.declaration!.location.locality = '@SUM(1)';
  d.declaration!.description = '-cmd';
  const f = fiche();
  f.fiche!.partners = ['+1', 'ok'];
  f.fiche!.objectives = '=A1';
  f.fiche!.difficulties = '  @x';
  const { records } = parseExport(practicesToCsv([d, f]));
  assert.equal(records[0]!.entity, "'=1+1");
  assert.equal(records[0]!.locality, "'@SUM(1)");
  assert.equal(records[0]!.description, "'-cmd");
  assert.equal(records[1]!.partners, "'+1 | ok");
  assert.equal(records[1]!.objectives, "'=A1");
  assert.equal(records[1]!.difficulties, "'  @x");
  // Cells that start with a letter but carry a formula later are not formulas for a spreadsheet.
  const other = declared();
  other.declaration!.interventionTypeOther = '=x';
  assert.equal(onlyRecord(practicesToCsv([other])).interventionTypes, 'Accueil de jour | Autre (=x)');
});

test('control characters other than tab, LF and CR are removed; lone surrogates too', () => {
  const cases: [string, string][] = [
    ['a\u0000b\u0007c\u001bd\u001fe\u007ff\u0085g\u009fh', 'abcdefgh'],
    ['a\tb\nc\r\nd', 'a\tb\nc\r\nd'],
    ['x\ud800y\udc00z', 'xyz'],
  ];
  for (const [value, expected] of cases) {
    assert.equal(onlyRecord(practicesToCsv([withTitle(value)])).title, expected, JSON.stringify(value));
  }
});

test('right-to-left text, emoji and very long words are kept as they are', () => {
  const long = 'x'.repeat(10_000);
  const cases = ['حماية الطفل', 'הגנת הילד', 'Protection \u202bحماية\u202c enfance', '👨‍👩‍👧 🇫🇷 🧒🏽', 'Œuvre « spéciale » — ça', long];
  for (const value of cases) {
    assert.equal(onlyRecord(practicesToCsv([withTitle(value)])).title, value, value.slice(0, 20));
  }
  assert.equal(onlyRecord(practicesToCsv([withTitle(long)])).title.length, 10_000);
});

// ---------------------------------------------------------------------------------------------
// Personal data: stripped by construction

function fullPractice(): Practice {
  const pub = declared();
  return {
    id: pub.id,
    reference: pub.reference,
    level: 'declared',
    declaration: {
      ...pub.declaration!,
      departmentAgreement: { obtained: true, representative: 'Conseil départemental du Nord — M. Représentant' },
      declarant: { name: 'Camille Martin', email: 'camille.martin@example.org', phone: '01 23 45 67 89', accuracyCertified: true },
    },
    review: {
      state: 'published',
      featured: true,
      opinions: [{ at: '2026-02-01T10:00:00.000Z', actor: { id: 'r1', role: 'reviewer', name: 'Relectrice Secrète' }, opinion: 'reserve', comment: 'Avis confidentiel' }],
      history: [{ at: '2026-02-02T10:00:00.000Z', actor: { id: 'c1', role: 'chair' }, type: 'ACCEPT', comment: 'Motivation interne' }],
      snapshot: { machineVersion: 1, state: { value: 'published' } },
    },
    source: { partner: 'partenaire-secret.example', page: 'https://partenaire-secret.example/form' },
    consentedAt: '2026-01-10T10:00:00.000Z',
    version: 7,
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: pub.updatedAt,
    publishedAt: pub.publishedAt,
  };
}

const SECRETS = ['camille.martin@example.org', 'Camille Martin', '01 23 45 67 89', 'Représentant', 'Conseil départemental du Nord', 'Avis confidentiel', 'Relectrice', 'Motivation interne', 'partenaire-secret', '@'];

test('the CSV of a full Practice holds no e-mail, representative, opinion nor source', () => {
  const full = fullPractice() as unknown as PublicPractice;
  const csv = practicesToCsv([full]);
  for (const secret of SECRETS) assert.ok(!csv.includes(secret), `the CSV leaks ${secret}`);
  const r = onlyRecord(csv);
  assert.equal(r.title, declared().declaration!.title);
  for (const value of Object.values(r)) for (const secret of SECRETS) assert.ok(!value.includes(secret));
});

test('the JSON of a full Practice holds only the public fields too', () => {
  const json = practicesToJson([fullPractice() as unknown as PublicPractice], { generatedAt: '2026-03-03T00:00:00.000Z' });
  for (const secret of SECRETS) assert.ok(!json.includes(secret), `the JSON leaks ${secret}`);
  const { feed } = parseFeed(JSON.parse(json));
  // `featured` lives in the committee's review there, which is not read: the public flag is false.
  assert.deepEqual(feed.items, [{ ...declared(), featured: false }]);
  assert.equal(onlyRecord(practicesToCsv([fullPractice() as unknown as PublicPractice])).featured, 'Non');
});

// ---------------------------------------------------------------------------------------------
// JSON feed and file names

test('the JSON export is the feed format, pretty-printed, and round-trips through parseFeed', () => {
  const items = [declared(), fiche()];
  const cases: [Date | string | undefined, string | undefined][] = [
    ['2026-03-03T12:00:00.000Z', '2026-03-03T12:00:00.000Z'],
    [new Date('2026-03-03T12:00:00.000Z'), '2026-03-03T12:00:00.000Z'],
    [undefined, undefined],
  ];
  for (const [generatedAt, expected] of cases) {
    const json = practicesToJson(items, generatedAt === undefined ? {} : { generatedAt });
    assert.ok(json.endsWith('}\n') && !json.endsWith('\n\n'));
    assert.equal(json, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    const { feed, skipped } = parseFeed(JSON.parse(json));
    assert.equal(skipped, 0);
    assert.equal(feed.format, FEED_FORMAT);
    assert.equal(feed.taxonomyVersion, TAXONOMY_VERSION);
    if (expected) assert.equal(feed.generatedAt, expected);
    else assert.ok(!Number.isNaN(Date.parse(feed.generatedAt)));
    assert.deepEqual(feed.items, items);
  }
  assert.deepEqual(parseFeed(JSON.parse(practicesToJson([]))).feed.items, []);
});

test('the JSON keeps text as it is (the formula rule is for spreadsheets only)', () => {
  const json = practicesToJson([withTitle('=SUM(A1) 👨‍👩‍👧 حماية')]);
  assert.equal(parseFeed(JSON.parse(json)).feed.items[0]!.declaration!.title, '=SUM(A1) 👨‍👩‍👧 حماية');
});

test('file names carry the day in Paris', () => {
  const cases: ['csv' | 'json', Date, string][] = [
    ['csv', new Date('2026-03-01T12:00:00.000Z'), 'pratiques-inspirantes-2026-03-01.csv'],
    ['json', new Date('2026-03-01T12:00:00.000Z'), 'pratiques-inspirantes-2026-03-01.json'],
    ['csv', new Date('2026-12-31T23:30:00.000Z'), 'pratiques-inspirantes-2027-01-01.csv'],
    ['json', new Date('2026-07-14T21:59:00.000Z'), 'pratiques-inspirantes-2026-07-14.json'],
    ['json', new Date('2026-07-14T22:00:00.000Z'), 'pratiques-inspirantes-2026-07-15.json'],
  ];
  for (const [kind, at, expected] of cases) assert.equal(exportFileName(kind, at), expected);
  assert.match(exportFileName('csv'), /^pratiques-inspirantes-\d{4}-\d{2}-\d{2}\.csv$/);
});
