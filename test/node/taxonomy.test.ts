import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  taxonomy, createTaxonomy, getDepartment, getRegion, departmentsOf, findDepartments, isCode, labelOf,
  TAXONOMY_VERSION, REGIONS, DEPARTMENTS,
} from '../../src/taxonomy/index.js';

const LISTS = ['scales', 'interventionTypes', 'themes', 'audiences', 'relays', 'levels'] as const;

test('the lists of the seed form have the printed labels, in order', () => {
  assert.deepEqual(taxonomy.scales.map((t) => t.label), ['Nationale', 'Régionale', 'Départementale', 'Locale']);
  assert.equal(taxonomy.interventionTypes.length, 12);
  assert.equal(taxonomy.themes.length, 10);
  assert.equal(taxonomy.audiences.length, 9);
  assert.deepEqual(taxonomy.relays.map((t) => t.code), ['association', 'departement', 'autre']);
  assert.equal(taxonomy.themes[5]!.label, 'Distanciation et maintien parents/enfants');
  assert.equal(taxonomy.version, TAXONOMY_VERSION);
});

test('codes are unique lowercase ASCII slugs', () => {
  for (const list of LISTS) {
    const codes = taxonomy[list].map((t) => t.code);
    assert.equal(new Set(codes).size, codes.length, list);
    for (const c of codes) assert.match(c, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${list}: ${c}`);
  }
});

test('labels that may be garbled in the seed are marked to confirm', () => {
  const toConfirm = LISTS.flatMap((l) => taxonomy[l].filter((t) => 'toConfirm' in t && t.toConfirm).map((t) => t.label));
  assert.deepEqual(toConfirm.sort(), ['Accueil garderie-ventrille', 'BSI', 'Ciel numérique', 'Ciel-Ciel-école', 'Enfants en situation multiple', 'IBD'].sort());
});

test('18 régions and 101 départements, each département in a known région', () => {
  assert.equal(REGIONS.length, 18);
  assert.equal(DEPARTMENTS.length, 101);
  for (const d of DEPARTMENTS) assert.ok(getRegion(d.region), d.code);
});

const TERRITORY_CASES: [string, string, string, string][] = [
  // code, name, région code, locative
  ['69', 'Rhône', '84', 'dans le Rhône'],
  ['2A', 'Corse-du-Sud', '94', 'en Corse-du-Sud'],
  ['2B', 'Haute-Corse', '94', 'en Haute-Corse'],
  ['13', 'Bouches-du-Rhône', '93', 'dans les Bouches-du-Rhône'],
  ['01', 'Ain', '84', 'dans l\'Ain'],
  ['75', 'Paris', '11', 'à Paris'],
  ['971', 'Guadeloupe', '01', 'en Guadeloupe'],
  ['974', 'La Réunion', '04', 'à La Réunion'],
  ['976', 'Mayotte', '06', 'à Mayotte'],
];
for (const [code, label, region, locative] of TERRITORY_CASES) {
  test(`département ${code} is ${label}, in région ${region}, "${locative}"`, () => {
    const d = getDepartment(code);
    assert.equal(d?.label, label);
    assert.equal(d?.region, region);
    assert.equal(d?.locative, locative);
  });
}

test('régions have their locative too', () => {
  assert.equal(getRegion('32')?.locative, 'dans les Hauts-de-France');
  assert.equal(getRegion('53')?.locative, 'en Bretagne');
  assert.equal(getRegion('44')?.locative, 'dans le Grand Est');
});

test('départements of a région', () => {
  assert.deepEqual(departmentsOf('94').map((d) => d.code), ['2A', '2B']);
  assert.equal(departmentsOf('32').length, 5);
});

const FIND_CASES: [string, string[]][] = [
  ['59', ['59']],
  ['2a', ['2A']],
  ['97', ['971', '972', '973', '974', '976']],
  ['corse', ['2A', '2B']],
  ['cotes d armor', ['22']],
  ['Côtes-d’Armor', ['22']],
  ['REUNION', ['974']],
  ['savoie', ['73', '74']],
];
for (const [query, expected] of FIND_CASES) {
  test(`findDepartments("${query}")`, () => {
    assert.deepEqual(findDepartments(query).map((d) => d.code), expected);
  });
}

test('a host overrides a label in one line; codes and other labels stay', () => {
  const t = createTaxonomy({ themes: { 'ciel-numerique': 'Cyberviolences' } });
  assert.equal(labelOf('themes', 'ciel-numerique', t), 'Cyberviolences');
  assert.equal(labelOf('themes', 'ciel-numerique'), 'Ciel numérique');
  assert.equal(labelOf('themes', 'education', t), 'Éducation');
  assert.ok(isCode('themes', 'ciel-numerique', t));
});

test('an override naming an unknown list or code throws', () => {
  assert.throws(() => createTaxonomy({ themes: { nope: 'x' } }), /Unknown code "nope"/);
  assert.throws(() => createTaxonomy({ colours: {} } as never), /Unknown taxonomy list/);
});

test('isCode refuses what is not a code', () => {
  assert.equal(isCode('scales', 'nationale'), true);
  assert.equal(isCode('scales', 'Nationale'), false);
  assert.equal(isCode('departments', '20'), false);
  assert.equal(isCode('departments', 42), false);
});
