// Search semantics (DESIGN.md, "Search semantics") on a small hand-made fixture whose every
// count is known: text matching, filters, facets, sorts, paging, highlighting, updates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Fiche, PublicDeclaration, PublicPractice } from '../../src/model.js';
import {
  createSearchIndex, foldText, highlight, normalizeSearchQuery, searchPractices, tokenize,
  type SearchQuery, type SearchResult,
} from '../../src/search/index.js';

type Meta = Pick<PublicPractice, 'id' | 'featured' | 'publishedAt'>;

function declared(meta: Meta, d: Partial<PublicDeclaration> & Pick<PublicDeclaration, 'title' | 'entityName' | 'description'>): PublicPractice {
  return {
    ...meta,
    reference: `PI-2025-${meta.id}`,
    level: 'declared',
    updatedAt: meta.publishedAt,
    declaration: {
      conditionsAccepted: true,
      implementationDate: '2015-01-01',
      scale: 'nationale',
      interventionTypes: [],
      themes: [],
      audiences: [],
      relay: 'association',
      location: { regions: [], departments: [] },
      ...d,
    },
  };
}

function onpe(meta: Meta, f: Partial<Fiche> & Pick<Fiche, 'title' | 'entityName' | 'summary'>): PublicPractice {
  return {
    ...meta,
    reference: `PI-2025-${meta.id}`,
    level: 'onpe',
    updatedAt: meta.publishedAt,
    fiche: {
      objectives: '', means: '', keysToSuccess: '', expectedResults: '', difficulties: '',
      partners: [], coAuthors: [],
      scale: 'nationale', interventionTypes: [], themes: [], audiences: [],
      location: { regions: [], departments: [] },
      ...f,
    },
  };
}

const P1 = declared({ id: 'p1', featured: false, publishedAt: '2025-01-10T09:00:00.000Z' }, {
  title: 'Soutien à la parentalité en milieu rural',
  entityName: 'Association Les Petits Pas',
  description: 'Groupes de parole pour les pères et les mères, prévention du harcèlement.',
  implementationDate: '2015-03-01',
  scale: 'departementale',
  location: { regions: [], departments: ['59'] },
  themes: ['education'], interventionTypes: ['accueil-de-jour'], audiences: ['0-4-ans'], relay: 'association',
});
const P2 = declared({ id: 'p2', featured: true, publishedAt: '2024-06-01T09:00:00.000Z' }, {
  title: 'Prévention des violences conjugales',
  entityName: 'Conseil départemental du Rhône',
  description: "Mise à l'abri des enfants exposés et accompagnement des mères.",
  implementationDate: '2018-09-15',
  scale: 'regionale',
  // A région and one of its départements: the région is counted once.
  location: { regions: ['84'], departments: ['69'] },
  themes: ['violences-conjugales', 'education'], interventionTypes: ['accueil-urgence'],
  audiences: ['adolescents', 'enfants'], relay: 'departement',
});
const P3 = onpe({ id: 'p3', featured: false, publishedAt: '2026-02-01T09:00:00.000Z' }, {
  title: 'Équipe mobile de pédopsychiatrie',
  entityName: 'Centre hospitalier Le Vinatier',
  summary: 'Consultations avancées auprès des adolescents.',
  objectives: 'Réduire les hospitalisations.',
  means: 'Une infirmière référente.',
  keysToSuccess: 'La confiance des familles.',
  expectedResults: 'Moins de ruptures de parcours.',
  difficulties: 'Le recrutement des psychiatres.',
  partners: ['Maison des adolescents de Lyon'],
  implementationDate: '2012-01-01',
  scale: 'locale',
  location: { regions: [], departments: ['69'], locality: 'Villeurbanne' },
  themes: ['sante-mentale'], interventionTypes: ['diagnostic-situation'], audiences: ['jeunes-majeurs'], relay: 'association',
});
const P4 = declared({ id: 'p4', featured: false, publishedAt: '2023-10-05T09:00:00.000Z' }, {
  title: 'Harcèlement : ateliers de théâtre',
  entityName: 'Compagnie Entre Nous',
  description: "Des ateliers dans les collèges sur l'enfance et le numérique.",
  implementationDate: '2015-11-20',
  scale: 'nationale',
  themes: ['harcelement', 'education'], interventionTypes: ['autre'], interventionTypeOther: 'Théâtre forum',
  audiences: ['tous-publics'], relay: 'autre', relayOther: 'Collectif citoyen',
});
const P5 = declared({ id: 'p5', featured: true, publishedAt: '2025-09-01T09:00:00.000Z' }, {
  title: 'Éducation et accueil familial renforcé',
  entityName: 'Collectivité de Corse',
  description: "Formation des assistants familiaux à la protection de l'ENFANCE.",
  implementationDate: '2020-05-05',
  scale: 'departementale',
  location: { regions: [], departments: ['2A'] },
  themes: ['education'], interventionTypes: ['placement-familial'], audiences: ['enfants'], relay: 'departement',
});
const P6 = declared({ id: 'p6', featured: false, publishedAt: '2025-01-10T09:00:00.000Z' }, {
  title: 'Parents relais',
  entityName: 'Harcèlement Stop',
  description: "Violences faites aux enfants : un réseau d'écoute.",
  implementationDate: '2010-02-02',
  scale: 'locale',
  location: { regions: [], departments: ['38'], locality: 'Grenoble' },
  themes: ['violences-sexuelles'], interventionTypes: ['accueil-par-tiers'], audiences: ['enfants'], relay: 'association',
});
// An ONPE fiche with no start date and no relay.
const P7 = onpe({ id: 'p7', featured: false, publishedAt: '2024-01-15T09:00:00.000Z' }, {
  title: 'Maintien des liens avec les parents détenus',
  entityName: 'Observatoire national',
  summary: 'Visites en prison.',
  scale: 'nationale',
  themes: ['detenus'], interventionTypes: ['diagnostic-situation'], audiences: ['enfants'],
});

const FIXTURE: readonly PublicPractice[] = [P1, P2, P3, P4, P5, P6, P7];
const index = createSearchIndex(FIXTURE);

const ids = (r: SearchResult): string[] => r.items.map((p) => p.id);
const idSet = (r: SearchResult): string[] => ids(r).sort();
const run = (q: SearchQuery): SearchResult => index.search(q);

describe('text: accents, case, prefix, typos, AND', () => {
  const cases: [string, string, string[]][] = [
    ['no accent finds an accented word', 'education', ['p5']],
    ['upper case and accents in the query', 'ÉDUCATION', ['p5']],
    ['lower case finds an upper-case word', 'enfance', ['p4', 'p5']],
    ['upper case finds a lower-case word', 'ENFANCE', ['p4', 'p5']],
    ["an apostrophe splits words (l'enfance)", "l'enfance", ['p4', 'p5']],
    ['prefix as the user types: "parent" → parentalité, parents', 'parent', ['p1', 'p6', 'p7']],
    ['prefix of 2 letters', 'pa', ['p1', 'p3', 'p6', 'p7']],
    ['a stop word alone is no text', 'par', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
    ['full word without accent', 'parentalite', ['p1']],
    ['one typo in a long word: violances → violences', 'violances', ['p2', 'p6']],
    ['one typo in a 5-letter word: rurel → rural', 'rurel', ['p1']],
    ['short words: prefix matches (pere → pères)', 'pere', ['p1']],
    ['short words: no typo tolerated (pire)', 'pire', []],
    ['two typos in one word are too many', 'violancas', []],
    ['AND of terms: both must match', 'violences enfants', ['p2', 'p6']],
    ['AND of terms: one missing → nothing', 'violences rural', []],
    ['AND of terms across fields', 'parent rural', ['p1']],
    ['stop words are not required', 'prévention de la violence', ['p2']],
    ['"Autre" precision (intervention type)', 'forum', ['p4']],
    ['"Autre" precision (relay)', 'citoyen', ['p4']],
    ['locality', 'grenoble', ['p6']],
    ['locality of an ONPE fiche', 'Villeurbanne', ['p3']],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: ${JSON.stringify(text)}`, () => {
      const r = run({ text });
      assert.deepEqual(idSet(r), expected);
      assert.equal(r.total, expected.length);
    });
  }

  it('every field of an ONPE fiche is searchable', () => {
    const fields: [string, string][] = [
      ['title', 'pedopsychiatrie'], ['entityName', 'vinatier'], ['summary', 'consultations'],
      ['objectives', 'hospitalisations'], ['means', 'infirmiere'], ['keysToSuccess', 'confiance'],
      ['expectedResults', 'ruptures'], ['difficulties', 'psychiatres'], ['partners', 'lyon'],
    ];
    for (const [field, text] of fields) assert.deepEqual(ids(run({ text })), ['p3'], field);
  });

  it('ranks a title match above an entity match above a description match', () => {
    assert.deepEqual(ids(run({ text: 'harcelement' })), ['p4', 'p6', 'p1']);
  });

  it('a text of only stop words or single letters is no text', () => {
    assert.equal(run({ text: 'l' }).total, 7);
    assert.equal(run({ text: ' de la ' }).total, 7);
  });

  it('gives the matched words of each item for highlighting', () => {
    const r = run({ text: 'parent' });
    assert.deepEqual(r.matches.p1, ['parentalite']);
    assert.deepEqual(r.matches.p6, ['parents']);
    assert.deepEqual(run({ text: 'violances' }).matches.p2, ['violences']);
    assert.deepEqual(run({}).matches.p1, []);
  });
});

describe('filters', () => {
  const cases: [string, SearchQuery, string[]][] = [
    ['scales', { scales: ['locale'] }, ['p3', 'p6']],
    ['interventionTypes', { interventionTypes: ['diagnostic-situation'] }, ['p3', 'p7']],
    ['themes', { themes: ['education'] }, ['p1', 'p2', 'p4', 'p5']],
    ['audiences', { audiences: ['enfants'] }, ['p2', 'p5', 'p6', 'p7']],
    ['relays', { relays: ['autre'] }, ['p4']],
    ['regions: by région or by one of its départements', { regions: ['84'] }, ['p2', 'p3', 'p6']],
    ['regions: Corse through département 2A', { regions: ['94'] }, ['p5']],
    ['departments', { departments: ['69'] }, ['p2', 'p3']],
    ['years (implementationDate)', { years: [2015] }, ['p1', 'p4']],
    ['years of an ONPE fiche', { years: [2012] }, ['p3']],
    ['levels', { levels: ['onpe'] }, ['p3', 'p7']],
    ['featured: true', { featured: true }, ['p2', 'p5']],
    ['featured: false is no filter', { featured: false }, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
    ['OR within a list', { themes: ['sante-mentale', 'harcelement'] }, ['p3', 'p4']],
    ['OR within years', { years: [2015, 2020] }, ['p1', 'p4', 'p5']],
    ['AND across lists', { themes: ['sante-mentale', 'harcelement'], levels: ['onpe'] }, ['p3']],
    ['AND across lists, region + theme', { themes: ['education'], regions: ['84'] }, ['p2']],
    ['text AND filters', { text: 'enfants', audiences: ['enfants'], scales: ['locale'] }, ['p6']],
    ['an unknown code matches nothing', { themes: ['nope'] }, []],
    ['an empty list is no filter', { themes: [] }, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => {
      const r = run(query);
      assert.deepEqual(idSet(r), expected);
      assert.equal(r.total, expected.length);
    });
  }
});

describe('facets', () => {
  it('counts everything when nothing is chosen', () => {
    const { facets } = run({});
    assert.deepEqual(facets.scales, { departementale: 2, regionale: 1, locale: 2, nationale: 2 });
    assert.deepEqual(facets.themes, {
      education: 4, 'violences-conjugales': 1, 'sante-mentale': 1, harcelement: 1, 'violences-sexuelles': 1, detenus: 1,
    });
    assert.deepEqual(facets.interventionTypes, {
      'accueil-de-jour': 1, 'accueil-urgence': 1, 'diagnostic-situation': 2, autre: 1, 'placement-familial': 1, 'accueil-par-tiers': 1,
    });
    assert.deepEqual(facets.audiences, { '0-4-ans': 1, adolescents: 1, enfants: 4, 'jeunes-majeurs': 1, 'tous-publics': 1 });
    assert.deepEqual(facets.relays, { association: 3, departement: 2, autre: 1 });
    // p2 has région 84 and département 69 (in 84): counted once.
    assert.deepEqual(facets.regions, { '32': 1, '84': 3, '94': 1 });
    assert.deepEqual(facets.departments, { '59': 1, '69': 2, '2A': 1, '38': 1 });
    assert.deepEqual(facets.years, { '2015': 2, '2018': 1, '2012': 1, '2020': 1, '2010': 1 });
    assert.deepEqual(facets.levels, { declared: 5, onpe: 2 });
    assert.deepEqual(facets.featured, { false: 5, true: 2 });
    // No practice of the fixture came through a campaign: nothing counted, no name.
    assert.deepEqual(facets.campaigns, {});
    assert.deepEqual(run({}).labels, { campaigns: {} });
  });

  it("each list's counts ignore its own filter but apply the others", () => {
    const r = run({ themes: ['education'], regions: ['84'] });
    assert.deepEqual(ids(r), ['p2']);
    // themes: regions 84 applied (p2, p3, p6), themes not.
    assert.deepEqual(r.facets.themes, {
      'violences-conjugales': 1, education: 1, 'sante-mentale': 1, 'violences-sexuelles': 1,
    });
    // regions: education applied (p1, p2, p4, p5), regions not.
    assert.deepEqual(r.facets.regions, { '32': 1, '84': 1, '94': 1 });
    // every other list: both filters applied (p2 only).
    assert.deepEqual(r.facets.scales, { regionale: 1 });
    assert.deepEqual(r.facets.departments, { '69': 1 });
    assert.deepEqual(r.facets.years, { '2018': 1 });
    assert.deepEqual(r.facets.levels, { declared: 1 });
    assert.deepEqual(r.facets.featured, { true: 1 });
    assert.deepEqual(r.facets.audiences, { adolescents: 1, enfants: 1 });
  });

  it('applies the text to every facet', () => {
    const r = run({ text: 'enfants', levels: ['onpe'] });
    assert.equal(r.total, 0);
    // "enfants": p2, p6 (both declared); the levels facet ignores its own filter.
    assert.deepEqual(r.facets.levels, { declared: 2, onpe: 0 });
    assert.deepEqual(r.facets.themes, {});
  });

  it('keeps chosen codes with 0 and counts the featured facet by "true"/"false"', () => {
    const r = run({ featured: true, themes: ['nope'] });
    assert.deepEqual(r.facets.themes, { education: 2, 'violences-conjugales': 1, nope: 0 });
    assert.deepEqual(r.facets.featured, { true: 0 });
    const f = run({ featured: true });
    assert.deepEqual(f.facets.featured, { false: 5, true: 2 });
    assert.deepEqual(f.facets.levels, { declared: 2 });
  });
});

describe('campaigns: a list like the others', () => {
  // p1 and p2 came through the Nord's campaign (renamed between them), p3 through a network's; the others through none.
  const NORD = 'c_nord';
  const RESEAU = 'c_reseau';
  const practices: PublicPractice[] = [
    { ...P1, campaign: { id: NORD, name: 'Appel du Nord 2025' } },
    { ...P2, campaign: { id: NORD, name: 'Appel du Nord' } },
    { ...P3, campaign: { id: RESEAU, name: 'Réseau des lieux d’accueil' } },
    P4, P5, P6, P7,
  ];
  const idx = createSearchIndex(practices);
  const labels = { [NORD]: 'Appel du Nord 2025', [RESEAU]: 'Réseau des lieux d’accueil' };

  const cases: [string, SearchQuery, string[]][] = [
    ['one campaign', { campaigns: [NORD] }, ['p1', 'p2']],
    ['OR within the list', { campaigns: [NORD, RESEAU] }, ['p1', 'p2', 'p3']],
    ['AND with another list', { campaigns: [NORD, RESEAU], themes: ['education'] }, ['p1', 'p2']],
    ['AND with a région (through its départements)', { campaigns: [NORD, RESEAU], regions: ['84'] }, ['p2', 'p3']],
    ['AND with the text', { campaigns: [NORD], text: 'violences' }, ['p2']],
    ['AND with featured', { campaigns: [NORD], featured: true }, ['p2']],
    ['an unknown campaign matches nothing', { campaigns: ['c_inconnue'] }, []],
    ['an empty list is no filter', { campaigns: [] }, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => {
      const r = idx.search(query);
      assert.deepEqual(idSet(r), expected);
      assert.equal(r.total, expected.length);
    });
  }

  it('counts by campaign id, practices without a campaign counted nowhere, names in labels', () => {
    const r = idx.search({});
    assert.deepEqual(r.facets.campaigns, { [NORD]: 2, [RESEAU]: 1 });
    // Two names for one campaign: the most recently published practice's (p1, 2025) wins over p2's (2024).
    assert.deepEqual(r.labels.campaigns, labels);
  });

  it('its counts ignore its own filter and apply the others; the other lists apply it', () => {
    const r = idx.search({ campaigns: [NORD], levels: ['onpe'] });
    assert.equal(r.total, 0);
    // campaigns: levels applied (p3, p7), campaigns not; the chosen one stays with 0.
    assert.deepEqual(r.facets.campaigns, { [RESEAU]: 1, [NORD]: 0 });
    assert.deepEqual(r.labels.campaigns, labels);
    // levels: the campaign applied (p1, p2), levels not.
    assert.deepEqual(r.facets.levels, { declared: 2, onpe: 0 });
    const t = idx.search({ campaigns: [NORD] });
    assert.deepEqual(t.facets.themes, { education: 2, 'violences-conjugales': 1 });
    assert.deepEqual(t.facets.campaigns, { [NORD]: 2, [RESEAU]: 1 });
  });

  it('a chosen id no practice carries is kept with 0 and has no name', () => {
    const r = idx.search({ campaigns: ['c_inconnue'] });
    assert.deepEqual(r.facets.campaigns, { [NORD]: 2, [RESEAU]: 1, c_inconnue: 0 });
    assert.equal('c_inconnue' in r.labels.campaigns, false);
  });

  it('reads the list as a query string gives it, and is the same for searchPractices', () => {
    assert.deepEqual(normalizeSearchQuery({ campaigns: NORD as never }).campaigns, [NORD]);
    assert.deepEqual(normalizeSearchQuery({ campaigns: [NORD, NORD, 3, ''] as never }).campaigns, [NORD]);
    assert.deepEqual(normalizeSearchQuery({}).campaigns, []);
    assert.deepEqual(searchPractices(practices, { campaigns: [RESEAU] }), idx.search({ campaigns: [RESEAU] }));
  });

  it('follows add, remove and replace', () => {
    const i = createSearchIndex(practices);
    i.replace(P1); // p1 loses its campaign
    assert.deepEqual(i.search({}).facets.campaigns, { [NORD]: 1, [RESEAU]: 1 });
    i.remove('p3');
    assert.deepEqual(i.search({}).facets.campaigns, { [NORD]: 1 });
    i.add({ ...P3, campaign: { id: RESEAU, name: 'Réseau (nouveau nom)' } });
    const r = i.search({ campaigns: [RESEAU] });
    assert.deepEqual(ids(r), ['p3']);
    assert.equal(r.labels.campaigns[RESEAU], 'Réseau (nouveau nom)');
  });
});

describe('sort', () => {
  const cases: [string, SearchQuery, string[]][] = [
    ['relevance without text: featured first, then most recent, ties by id',
      {}, ['p5', 'p2', 'p3', 'p1', 'p6', 'p7', 'p4']],
    ['recent: publishedAt desc, ties by id', { sort: 'recent' }, ['p3', 'p5', 'p1', 'p6', 'p2', 'p7', 'p4']],
    ['implementationDate desc, no date last', { sort: 'implementationDate' }, ['p5', 'p2', 'p4', 'p1', 'p3', 'p6', 'p7']],
    ['title, French, accents ignored', { sort: 'title' }, ['p5', 'p3', 'p4', 'p7', 'p6', 'p2', 'p1']],
    ['title with text', { text: 'parent', sort: 'title' }, ['p7', 'p6', 'p1']],
    ['recent with text and a filter', { text: 'enfants', sort: 'recent', audiences: ['enfants'] }, ['p6', 'p2']],
    ['an unknown sort is relevance', { sort: 'nope' as never }, ['p5', 'p2', 'p3', 'p1', 'p6', 'p7', 'p4']],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => assert.deepEqual(ids(run(query)), expected));
  }

  it('relevance with equal scores breaks ties by id', () => {
    const twins = ['b', 'c', 'a'].map((id) => declared(
      { id, featured: false, publishedAt: '2025-01-01T00:00:00.000Z' },
      { title: 'Accueil de jour', entityName: 'Association', description: 'Même texte.' },
    ));
    assert.deepEqual(ids(searchPractices(twins, { text: 'accueil' })), ['a', 'b', 'c']);
    assert.deepEqual(ids(searchPractices(twins, { text: 'accueil', offset: 1, limit: 1 })), ['b']);
  });
});

describe('paging and clamping', () => {
  const cases: [string, SearchQuery, string[]][] = [
    ['offset and limit', { sort: 'recent', offset: 2, limit: 2 }, ['p1', 'p6']],
    ['last page is short', { sort: 'recent', offset: 6, limit: 5 }, ['p4']],
    ['offset past the end', { sort: 'recent', offset: 10 }, []],
    ['text relevance, second page', { text: 'harcelement', offset: 1, limit: 1 }, ['p6']],
    ['negative offset → 0', { sort: 'recent', offset: -3, limit: 1 }, ['p3']],
    ['NaN offset → 0', { sort: 'recent', offset: Number.NaN, limit: 1 }, ['p3']],
    ['fractional limit is floored', { sort: 'recent', limit: 2.7 }, ['p3', 'p5']],
    ['negative limit → 0', { limit: -5 }, []],
    ['limit 0: counts only', { limit: 0 }, []],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => {
      const r = run(query);
      assert.deepEqual(ids(r), expected);
      assert.equal(r.total, 7 - (query.text ? 4 : 0));
    });
  }

  it('normalizes defaults and bad numbers without throwing', () => {
    const n = normalizeSearchQuery({ limit: 1000, offset: -1 });
    assert.equal(n.limit, 100);
    assert.equal(n.offset, 0);
    assert.equal(normalizeSearchQuery({}).limit, 20);
    assert.equal(normalizeSearchQuery({ limit: Number.NaN }).limit, 20);
    assert.equal(normalizeSearchQuery({ limit: Infinity }).limit, 100);
    assert.equal(normalizeSearchQuery({ limit: '3' as never }).limit, 3);
    assert.equal(normalizeSearchQuery({ offset: 'abc' as never }).offset, 0);
    assert.equal(normalizeSearchQuery(undefined).sort, 'relevance');
    assert.deepEqual(normalizeSearchQuery({ years: ['2015', 2020, 2.5, 'x'] as never }).years, [2015, 2020]);
  });

  it('reads "featured" as a query string gives it', () => {
    for (const [value, expected] of [[true, true], ['true', true], ['1', true], [false, false], ['false', false], ['0', false], [undefined, false]] as const) {
      assert.equal(normalizeSearchQuery({ featured: value as never }).featured, expected, String(value));
    }
  });

  it('a malformed query is repaired, not refused', () => {
    const r = run({ text: 42, themes: 'education', years: ['2015'], sort: 'bogus', limit: 'x' } as never);
    assert.deepEqual(idSet(r), ['p1', 'p4']);
    assert.equal(run(null as never).total, 7);
  });

  it('the default page holds 20 items', () => {
    const many = Array.from({ length: 25 }, (_, i) => declared(
      { id: `m${String(i).padStart(2, '0')}`, featured: false, publishedAt: '2025-01-01T00:00:00.000Z' },
      { title: `Pratique ${i}`, entityName: 'Association', description: 'Texte.' },
    ));
    const r = searchPractices(many, {});
    assert.equal(r.items.length, 20);
    assert.equal(r.total, 25);
    assert.equal(searchPractices(many, { limit: 500 }).items.length, 25);
  });
});

describe('highlight and folding', () => {
  it('folds accents, case and ligatures', () => {
    assert.equal(foldText('Œuvre ÉDUCATIVE Ægide'), 'oeuvre educative aegide');
    assert.deepEqual(tokenize("L'enfance, c'est l'ÉDUCATION"), ['enfance', 'education']);
  });

  const cases: [string, string, string[], [string, boolean][]][] = [
    ['marks a prefix', 'Soutien à la parentalité', ['parent'],
      [['Soutien à la ', false], ['parent', true], ['alité', false]]],
    ['accent- and case-insensitive', "L'ÉDUCATION", ['education'], [["L'", false], ['ÉDUCATION', true]]],
    ['decomposed accents stay with their letter', 'E\u0301ducation', ['educ'], [['E\u0301duc', true], ['ation', false]]],
    ['a ligature folds to two letters', 'Œuvre', ['oeuv'], [['Œuv', true], ['re', false]]],
    ['several terms, longest first', 'Parents et parentalité', ['parent', 'parentalite'],
      [['Parent', true], ['s et ', false], ['parentalité', true]]],
    ['only word starts', 'comparent', ['parent'], [['comparent', false]]],
    ['stop words mark nothing', 'de la', ['de'], [['de la', false]]],
    ['no terms', 'Texte', [], [['Texte', false]]],
    ['empty text', '', ['x'], []],
  ];
  for (const [name, text, terms, expected] of cases) {
    it(name, () => {
      const segments = highlight(text, terms);
      assert.deepEqual(segments.map((s) => [s.text, s.match]), expected);
      assert.equal(segments.map((s) => s.text).join(''), text);
    });
  }

  it('highlights what the search matched, typos included', () => {
    const r = run({ text: 'violances' });
    const title = r.items.find((p) => p.id === 'p2')!.declaration!.title;
    assert.deepEqual(highlight(title, r.matches.p2!).filter((s) => s.match).map((s) => s.text), ['violences']);
  });
});

describe('add, remove, replace', () => {
  it('keeps text, facets and sorts right through changes', () => {
    const idx = createSearchIndex(FIXTURE);
    assert.equal(idx.size, 7);
    // Build the cached text and the sort orders before changing anything.
    assert.deepEqual(ids(idx.search({ text: 'education' })), ['p5']);
    assert.deepEqual(ids(idx.search({ sort: 'recent', limit: 2 })), ['p3', 'p5']);
    assert.deepEqual(ids(idx.search({ sort: 'title', limit: 1 })), ['p5']);

    assert.equal(idx.remove('p5'), true);
    assert.equal(idx.remove('p5'), false);
    assert.equal(idx.size, 6);
    assert.equal(idx.has('p5'), false);
    assert.deepEqual(ids(idx.search({ text: 'education' })), []);
    assert.equal(idx.search({}).facets.themes.education, 3);
    assert.deepEqual(idx.search({}).facets.regions, { '32': 1, '84': 3 });
    assert.deepEqual(ids(idx.search({ sort: 'recent', limit: 2 })), ['p3', 'p1']);
    assert.deepEqual(ids(idx.search({ sort: 'title', limit: 1 })), ['p3']);

    // A new practice reuses the freed slot: nothing of p5 must leak into it.
    const p8 = declared({ id: 'p8', featured: false, publishedAt: '2026-09-01T00:00:00.000Z' }, {
      title: 'Accueil de jour des adolescents', entityName: 'Maison des adolescents',
      description: 'Un lieu ouvert.', implementationDate: '2016-04-04', scale: 'departementale',
      location: { regions: [], departments: ['35'] }, themes: ['sante-mentale'], relay: 'association',
    });
    idx.add(p8);
    assert.throws(() => idx.add(p8), /already indexed/);
    assert.deepEqual(idSet(idx.search({ text: 'adolescents' })), ['p3', 'p8']);
    assert.deepEqual(ids(idx.search({ regions: ['53'] })), ['p8']);
    assert.deepEqual(ids(idx.search({ departments: ['2A'] })), []);
    assert.deepEqual(ids(idx.search({ sort: 'recent', limit: 2 })), ['p8', 'p3']);
    assert.deepEqual(ids(idx.search({ sort: 'title', limit: 1 })), ['p8']);

    // replace: changes what is found and counted.
    idx.replace({ ...P1, featured: true, declaration: { ...P1.declaration!, title: 'Soutien aux familles', themes: ['detenus'] } });
    assert.equal(idx.size, 7);
    assert.deepEqual(ids(idx.search({ text: 'parentalite' })), []);
    assert.deepEqual(ids(idx.search({ text: 'familles soutien' })), ['p1']);
    assert.deepEqual(idSet(idx.search({ featured: true })), ['p1', 'p2']);
    assert.equal(idx.search({}).facets.themes.detenus, 2);
    assert.equal(idx.get('p1')?.featured, true);

    // replace of an unknown id adds it (upsert).
    idx.replace(P5);
    assert.equal(idx.size, 8);
    assert.deepEqual(ids(idx.search({ text: 'education' })), ['p5']);
  });

  it('survives many removals (the code pool is compacted)', () => {
    const base = Array.from({ length: 3000 }, (_, i) => declared(
      { id: `x${i}`, featured: false, publishedAt: '2025-01-01T00:00:00.000Z' },
      {
        title: `Pratique ${i}`, entityName: 'Association', description: 'Texte.',
        themes: ['education', 'harcelement', 'detenus'], audiences: ['enfants', 'adolescents'],
        interventionTypes: ['accueil-de-jour'], scale: 'departementale', location: { regions: [], departments: ['59', '62'] },
      },
    ));
    const idx = createSearchIndex(base);
    for (let i = 0; i < 2900; i++) idx.remove(`x${i}`);
    const r = idx.search({ themes: ['education'] });
    assert.equal(r.total, 100);
    assert.deepEqual(r.facets.departments, { '59': 100, '62': 100 });
    assert.deepEqual(r.facets.regions, { '32': 100 });
  });
});
