import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  validateDeclaration, validateFields, visibleLength, createDeclarationSchema, formatDateFr, validateFiche,
  type IssueCode,
} from '../../src/schema/index.js';
import { TODAY, validInput, withField } from '../support/declarations.js';

const ok = (input: unknown, options = {}) => validateDeclaration(input, { today: TODAY, ...options });

type Case = [label: string, path: string, value: unknown, expected: 'ok' | [field: string, code: IssueCode, message: string]];

// For each field: at least one accepted and one refused value, with the French message the form shows.
const CASES: Case[] = [
  ['conditions accepted', 'conditionsAccepted', true, 'ok'],
  ['conditions unticked', 'conditionsAccepted', false, ['conditionsAccepted', 'must_accept', 'J’ai lu et j’accepte les conditions ci-dessus\u00a0: cette case doit être cochée pour continuer.']],
  ['conditions missing', 'conditionsAccepted', undefined, ['conditionsAccepted', 'must_accept', 'J’ai lu et j’accepte les conditions ci-dessus\u00a0: cette case doit être cochée pour continuer.']],
  ['date JJ/MM/AAAA', 'implementationDate', '21/12/2014', 'ok'],
  ['date ISO', 'implementationDate', '2014-12-21', 'ok'],
  ['date J/M/AAAA', 'implementationDate', '1/2/2015', 'ok'],
  ['date exactly 12 months old', 'implementationDate', '15/06/2025', 'ok'],
  ['date one day short of 12 months', 'implementationDate', '16/06/2025', ['implementationDate', 'date_too_recent', 'Date de mise en œuvre de la pratique inspirante\u00a0: la pratique doit être mise en œuvre depuis au moins 1 an.']],
  ['date in the future', 'implementationDate', '01/01/2030', ['implementationDate', 'date_in_future', 'Date de mise en œuvre de la pratique inspirante\u00a0: la date ne peut pas être dans le futur.']],
  ['date 31 February', 'implementationDate', '31/02/2020', ['implementationDate', 'date_invalid', 'Date de mise en œuvre de la pratique inspirante\u00a0: cette date n\'existe pas dans le calendrier.']],
  ['date 29 February of a leap year', 'implementationDate', '29/02/2020', 'ok'],
  ['date 29 February of a common year', 'implementationDate', '29/02/2021', ['implementationDate', 'date_invalid', 'Date de mise en œuvre de la pratique inspirante\u00a0: cette date n\'existe pas dans le calendrier.']],
  ['date before 1900', 'implementationDate', '31/12/1899', ['implementationDate', 'date_too_old', 'Date de mise en œuvre de la pratique inspirante\u00a0: la date doit être postérieure au 1er janvier 1900.']],
  ['date in American order', 'implementationDate', '12/21/2014', ['implementationDate', 'date_invalid', 'Date de mise en œuvre de la pratique inspirante\u00a0: cette date n\'existe pas dans le calendrier.']],
  ['date as words', 'implementationDate', 'décembre 2014', ['implementationDate', 'date_format', 'Date de mise en œuvre de la pratique inspirante\u00a0: saisissez la date au format JJ/MM/AAAA, par exemple 21/12/2014.']],
  ['date missing', 'implementationDate', undefined, ['implementationDate', 'required', 'Date de mise en œuvre de la pratique inspirante\u00a0: ce champ est obligatoire.']],
  ['entity of 100 characters', 'entityName', 'é'.repeat(100), 'ok'],
  ['entity of 101 characters', 'entityName', 'a'.repeat(101), ['entityName', 'too_long', 'Nom de l’entité\u00a0: 100 caractères maximum (101 saisis).']],
  ['entity blank', 'entityName', '   ', ['entityName', 'required', 'Nom de l’entité\u00a0: ce champ est obligatoire.']],
  ['entity not text', 'entityName', 42, ['entityName', 'invalid_type', 'Nom de l’entité\u00a0: la valeur saisie n\'est pas du bon type.']],
  ['title of 100 decomposed accents counts 100', 'title', 'e\u0301'.repeat(100), 'ok'],
  ['title of 100 emoji families counts 100', 'title', '👩‍👩‍👧'.repeat(100), 'ok'],
  ['title with a control character', 'title', 'Titre\u0007', ['title', 'invalid_characters', 'Intitulé de la pratique\u00a0: le texte contient des caractères invisibles ou invalides ; retapez-le sans copier-coller.']],
  ['title with a lone surrogate', 'title', 'Titre \ud800', ['title', 'invalid_characters', 'Intitulé de la pratique\u00a0: le texte contient des caractères invisibles ou invalides ; retapez-le sans copier-coller.']],
  ['title missing', 'title', undefined, ['title', 'required', 'Intitulé de la pratique\u00a0: ce champ est obligatoire.']],
  ['description of 1000 characters with line breaks', 'description', `${'a'.repeat(499)}\n${'b'.repeat(500)}`, 'ok'],
  ['description of 1001 characters', 'description', 'a'.repeat(1001), ['description', 'too_long', 'Description de la pratique\u00a0: 1000 caractères maximum (1001 saisis).']],
  ['scale', 'scale', 'departementale', 'ok'],
  ['scale unknown', 'scale', 'mondiale', ['scale', 'invalid_choice', 'Échelle de l’action\u00a0: « mondiale » ne fait pas partie des choix proposés.']],
  ['scale left empty', 'scale', '', ['scale', 'required', 'Échelle de l’action\u00a0: ce champ est obligatoire.']],
  ['scale by label', 'scale', 'Départementale', ['scale', 'invalid_choice', 'Échelle de l’action\u00a0: « Départementale » ne fait pas partie des choix proposés.']],
  ['intervention types', 'interventionTypes', ['ibd', 'bsi'], 'ok'],
  ['intervention types empty', 'interventionTypes', [], ['interventionTypes', 'required', 'Type d’intervention\u00a0: ce champ est obligatoire.']],
  ['intervention type unknown', 'interventionTypes', ['ibd', 'yoga'], ['interventionTypes', 'invalid_choice', 'Type d’intervention\u00a0: « yoga » ne fait pas partie des choix proposés.']],
  ['intervention types not a list', 'interventionTypes', 'ibd', ['interventionTypes', 'invalid_type', 'Type d’intervention\u00a0: la valeur saisie n\'est pas du bon type.']],
  ['themes', 'themes', ['violences-conjugales', 'sante-mentale'], 'ok'],
  ['themes missing', 'themes', undefined, ['themes', 'required', 'Thématique\u00a0: ce champ est obligatoire.']],
  ['audiences', 'audiences', ['0-4-ans'], 'ok'],
  ['audience unknown', 'audiences', ['retraités'], ['audiences', 'invalid_choice', 'Public visé\u00a0: « retraités » ne fait pas partie des choix proposés.']],
  ['relay', 'relay', 'departement', 'ok'],
  ['relay as a list', 'relay', ['association'], ['relay', 'invalid_choice', 'Relais de l’implémentation\u00a0: « association » ne fait pas partie des choix proposés.']],
  ['representative', 'departmentAgreement.representative', 'Métropole de Lyon', 'ok'],
  ['representative missing', 'departmentAgreement.representative', '', ['departmentAgreement.representative', 'required', 'Représentant du département ayant donné son accord\u00a0: ce champ est obligatoire.']],
  ['agreement not obtained', 'departmentAgreement.obtained', false, ['departmentAgreement.obtained', 'must_accept', 'J’ai obtenu l’accord préalable d’un représentant du département\u00a0: cette case doit être cochée pour continuer.']],
  ['declarant name missing', 'declarant.name', '', ['declarant.name', 'required', 'Nom et prénom\u00a0: ce champ est obligatoire.']],
  ['email', 'declarant.email', 'c.martin@asso.example.fr', 'ok'],
  ['email without domain', 'declarant.email', 'camille@', ['declarant.email', 'email_invalid', 'Adresse électronique\u00a0: saisissez une adresse électronique valide, par exemple nom@exemple.fr.']],
  ['email with a space', 'declarant.email', 'camille martin@example.org', ['declarant.email', 'email_invalid', 'Adresse électronique\u00a0: saisissez une adresse électronique valide, par exemple nom@exemple.fr.']],
  ['phone omitted', 'declarant.phone', undefined, 'ok'],
  ['phone blank', 'declarant.phone', '  ', 'ok'],
  ['phone international', 'declarant.phone', '+33 1 23 45 67 89', 'ok'],
  ['phone with letters', 'declarant.phone', '01 ABC', ['declarant.phone', 'phone_invalid', 'Téléphone\u00a0: saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.']],
  ['phone too short', 'declarant.phone', '123', ['declarant.phone', 'phone_invalid', 'Téléphone\u00a0: saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.']],
  ['accuracy not certified', 'declarant.accuracyCertified', false, ['declarant.accuracyCertified', 'must_accept', 'Je certifie l’exactitude des informations fournies\u00a0: cette case doit être cochée pour continuer.']],
  ['département unknown', 'location.departments', ['20'], ['location.departments', 'invalid_choice', 'Département\u00a0: « 20 » ne fait pas partie des choix proposés.']],
  ['département of Corsica', 'location.departments', ['2A', '2B'], 'ok'],
  ['département overseas', 'location.departments', ['976'], 'ok'],
  ['no département for a departmental action', 'location.departments', [], ['location.departments', 'department_required', 'Département\u00a0: choisissez au moins un département.']],
];

for (const [label, path, value, expected] of CASES) {
  test(`declaration: ${label}`, () => {
    const result = ok(withField(path, value));
    if (expected === 'ok') {
      assert.equal(result.ok, true, JSON.stringify(!result.ok && result.errors));
      return;
    }
    assert.equal(result.ok, false);
    const [field, code, message] = expected;
    assert.deepEqual(!result.ok && result.errors, [{ field, code, message }]);
  });
}

// Location follows the scale.
const LOCATION_CASES: [string, unknown, unknown, 'ok' | [string, IssueCode][]][] = [
  ['national, no territory', 'nationale', { regions: [], departments: [] }, 'ok'],
  ['national, location omitted', 'nationale', undefined, [['location', 'required']]],
  ['national with a département', 'nationale', { regions: [], departments: ['59'] }, [['location', 'territory_not_expected']]],
  ['regional with a région', 'regionale', { regions: ['32'], departments: [] }, 'ok'],
  ['regional with a département of that région', 'regionale', { regions: ['32'], departments: ['59', '62'] }, 'ok'],
  ['regional without région', 'regionale', { regions: [], departments: [] }, [['location.regions', 'region_required']]],
  ['regional with a département elsewhere', 'regionale', { regions: ['32'], departments: ['69'] }, [['location.departments', 'department_outside_regions']]],
  ['regional with an unknown région', 'regionale', { regions: ['99'], departments: [] }, [['location.regions', 'invalid_choice']]],
  ['departmental', 'departementale', { departments: ['59', '62'] }, 'ok'],
  ['local with a département and a place', 'locale', { departments: ['2B'], locality: 'Bastia' }, 'ok'],
  ['local without place', 'locale', { departments: ['2B'] }, [['location.locality', 'locality_required']]],
  ['local with two départements', 'locale', { departments: ['59', '62'], locality: 'Lille' }, [['location.departments', 'single_department']]],
  ['local with nothing', 'locale', { regions: [], departments: [] }, [['location.departments', 'department_required'], ['location.locality', 'locality_required']]],
];
for (const [label, scale, location, expected] of LOCATION_CASES) {
  test(`location: ${label}`, () => {
    const result = ok({ ...validInput(), scale, location });
    if (expected === 'ok') return assert.equal(result.ok, true, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(!result.ok && result.errors.map((e) => [e.field, e.code]), expected);
  });
}

test('a national action stores no territory; a departmental one derives its régions', () => {
  const national = ok({ ...validInput(), scale: 'nationale', location: { regions: [], departments: [] } });
  assert.deepEqual(national.ok && national.value.location, { regions: [], departments: [] });
  const dep = ok({ ...validInput(), location: { regions: [], departments: ['59', '69', '62'] } });
  assert.deepEqual(dep.ok && dep.value.location.regions, ['32', '84']);
});

const OTHER_CASES: [string, string, string][] = [
  ['interventionTypes', 'interventionTypeOther', 'Précision du type d’intervention\u00a0: précisez votre choix « Autre ».'],
  ['themes', 'themeOther', 'Précision de la thématique\u00a0: précisez votre choix « Autre ».'],
  ['audiences', 'audienceOther', 'Précision du public visé\u00a0: précisez votre choix « Autre ».'],
];
for (const [list, other, message] of OTHER_CASES) {
  test(`"Autre" in ${list} needs ${other}`, () => {
    const refused = ok(withField(list, ['autre']));
    assert.deepEqual(!refused.ok && refused.errors, [{ field: other, code: 'other_required', message }]);
    const accepted = ok({ ...withField(list, ['autre']), [other]: '  Médiation animale ' });
    assert.equal(accepted.ok && (accepted.value as unknown as Record<string, unknown>)[other], 'Médiation animale');
  });
}

test('"Autre" as relay needs relayOther', () => {
  const refused = ok(withField('relay', 'autre'));
  assert.deepEqual(!refused.ok && refused.errors.map((e) => e.field), ['relayOther']);
  assert.equal(ok({ ...withField('relay', 'autre'), relayOther: 'CCAS' }).ok, true);
});

test('a precision without "Autre" is dropped, not stored', () => {
  const r = ok({ ...validInput(), themeOther: 'ignored' });
  assert.ok(r.ok && !('themeOther' in r.value));
});

test('text is trimmed, NFC-normalised, and single-line fields fold white space', () => {
  const r = ok({ ...validInput(), title: '  Parents\n  et   ados ', entityName: 'Asso e\u0301te\u0301', description: '  Ligne 1\nLigne 2  ' });
  assert.ok(r.ok);
  assert.equal(r.value.title, 'Parents et ados');
  assert.equal(r.value.entityName, 'Asso été');
  assert.equal(r.value.description, 'Ligne 1\nLigne 2');
  assert.equal(r.value.implementationDate, '2014-12-21');
});

test('duplicate codes are merged, order kept', () => {
  const r = ok({ ...validInput(), themes: ['sante-mentale', 'education', 'sante-mentale'] });
  assert.deepEqual(r.ok && r.value.themes, ['sante-mentale', 'education']);
});

test('minPracticeAgeMonths is an option: 24 refuses 18 months, 0 accepts last month', () => {
  const eighteenMonths = withField('implementationDate', '15/12/2024');
  assert.equal(ok(eighteenMonths).ok, true);
  const r = ok(eighteenMonths, { minPracticeAgeMonths: 24 });
  assert.deepEqual(!r.ok && r.errors.map((e) => e.message), ['Date de mise en œuvre de la pratique inspirante\u00a0: la pratique doit être mise en œuvre depuis au moins 2 ans.']);
  assert.equal(ok(withField('implementationDate', '01/06/2026'), { minPracticeAgeMonths: 0 }).ok, true);
});

test('"today" is the day in Paris: 23:30 UTC on 14 June is already 15 June', () => {
  const exactlyOneYear = withField('implementationDate', '15/06/2025');
  assert.equal(validateDeclaration(exactlyOneYear, { today: '2026-06-14T23:30:00Z' }).ok, true);
  assert.equal(validateDeclaration(exactlyOneYear, { today: '2026-06-14T21:30:00Z' }).ok, false);
});

test('every problem of the input is reported at once, cross-field rules included', () => {
  const r = ok({ ...validInput(), title: '', themes: ['autre'], scale: 'locale', location: { departments: ['59'] } });
  assert.deepEqual(!r.ok && r.errors.map((e) => e.field).sort(), ['location.locality', 'themeOther', 'title']);
});

test('messages in English and German name the field too', () => {
  const en = ok(withField('title', ''), { lang: 'en' });
  assert.deepEqual(!en.ok && en.errors[0]!.message, 'Title of the practice: this field is required.');
  const de = ok(withField('entityName', 'x'.repeat(120)), { lang: 'de-CH' });
  assert.deepEqual(!de.ok && de.errors[0]!.message, 'Name der Einrichtung: höchstens 100 Zeichen (120 eingegeben).');
  const unknownLang = ok(withField('title', ''), { lang: 'it' });
  assert.match(!unknownLang.ok ? unknownLang.errors[0]!.message : '', /obligatoire/);
});

const HOSTILE: [string, () => unknown][] = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['a string', () => 'déclaration'],
  ['a number', () => 42],
  ['an array', () => [validInput()]],
  ['a function', () => () => 1],
  ['__proto__ key', () => JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}')],
  ['a throwing getter', () => Object.defineProperty(validInput(), 'title', { get() { throw new Error('boom'); }, enumerable: true })],
  ['a revoked proxy', () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }],
  ['a huge object', () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))],
  ['a huge string', () => ({ ...validInput(), description: 'é'.repeat(5_000_000) })],
  ['a huge list', () => ({ ...validInput(), themes: Array.from({ length: 100_000 }, () => 'nope') })],
  ['deep nesting', () => { let o: Record<string, unknown> = {}; const root = o; for (let i = 0; i < 10_000; i++) { o.location = {}; o = o.location as Record<string, unknown>; } return root; }],
];
for (const [label, make] of HOSTILE) {
  test(`never throws: ${label}`, () => {
    const r = validateDeclaration(make());
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.errors.length > 0 && r.errors.every((e) => typeof e.message === 'string' && e.message.length > 0));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
}

test('__proto__ and constructor keys of a valid declaration are dropped, nothing polluted', () => {
  const input = JSON.parse(JSON.stringify({ ...validInput(), constructor: { prototype: { polluted: true } } }).replace('{', '{"__proto__":{"polluted":true},'));
  const r = ok(input);
  assert.ok(r.ok);
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
  assert.ok(!Object.hasOwn(r.value, 'constructor') && !Object.hasOwn(r.value, '__proto__'));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a non-object gets one error on the whole declaration', () => {
  assert.deepEqual(validateDeclaration('x'), { ok: false, errors: [{ field: '', code: 'not_an_object', message: 'Déclaration\u00a0: la déclaration doit être un objet de champs.' }] });
});

test('unknown fields are not stored', () => {
  const r = ok({ ...validInput(), isAdmin: true });
  assert.ok(r.ok && !('isAdmin' in r.value));
});

test('validateFields keeps a step\'s errors only', () => {
  const input = { ...validInput(), title: '', declarant: {} };
  assert.deepEqual(validateFields(input, ['title', 'description'], { today: TODAY }).map((e) => e.field), ['title']);
  assert.deepEqual(validateFields(input, ['declarant'], { today: TODAY }).map((e) => e.field), ['declarant.name', 'declarant.email', 'declarant.accuracyCertified']);
});

test('the counter and the schema count the same way', () => {
  const text = `${'e\u0301'.repeat(998)}🇫🇷👍🏽`;
  assert.equal(visibleLength(text), 1000);
  assert.equal(ok(withField('description', text)).ok, true);
  assert.equal(ok(withField('description', `${text}x`)).ok, false);
  assert.equal(visibleLength('  abc  '), 3);
  assert.equal(visibleLength('a\r\nb'), 3);
});

test('the zod schema is usable directly and carries stable codes', () => {
  const schema = createDeclarationSchema({ today: TODAY });
  const r = schema.safeParse(withField('title', 'x'.repeat(101)));
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code), ['too_long']);
});

test('formatDateFr shows a stored date as the form types it', () => {
  assert.equal(formatDateFr('2014-12-21'), '21/12/2014');
  assert.equal(formatDateFr('garbage'), 'garbage');
});

function validFiche(): Record<string, unknown> {
  const long = (s: string) => `${s} `.repeat(20).trim();
  return {
    title: 'Équipe mobile pédopsychiatrie et aide sociale à l’enfance',
    entityName: 'Centre hospitalier de Valenciennes',
    summary: 'Une équipe mobile intervient dans les lieux d’accueil pour soutenir les professionnels.',
    objectives: long('Prévenir les ruptures de parcours.'),
    means: long('Deux infirmiers, un pédopsychiatre.'),
    keysToSuccess: long('Une convention signée.'),
    expectedResults: long('Moins d’hospitalisations en urgence.'),
    difficulties: long('Le turnover des équipes.'),
    partners: ['Conseil départemental du Nord', 'ARS Hauts-de-France'],
    coAuthors: [{ name: 'Dominique Petit', organisation: 'ONPE' }],
    scale: 'departementale',
    interventionTypes: ['diagnostic-situation'],
    themes: ['sante-mentale'],
    audiences: ['adolescents'],
    location: { departments: ['59'] },
    lastReviewedAt: '2025-03-01',
  };
}

test('a valid ONPE fiche is accepted', () => {
  const r = validateFiche(validFiche(), { today: TODAY });
  assert.equal(r.ok, true, JSON.stringify(!r.ok && r.errors));
  assert.deepEqual(r.ok && r.value.location.departments, ['59']);
});

const FICHE_CASES: [string, string, unknown, string, IssueCode][] = [
  ['objectives missing', 'objectives', '', 'objectives', 'required'],
  ['a section over 5000 characters', 'difficulties', 'x'.repeat(5001), 'difficulties', 'too_long'],
  ['a co-author without name', 'coAuthors', [{ organisation: 'ONPE' }], 'coAuthors.0.name', 'required'],
  ['a partner blank', 'partners', ['  '], 'partners', 'required'],
  ['review date in the future', 'lastReviewedAt', '2030-01-01', 'lastReviewedAt', 'date_in_future'],
];
for (const [label, path, value, field, code] of FICHE_CASES) {
  test(`fiche: ${label}`, () => {
    const r = validateFiche({ ...validFiche(), [path]: value }, { today: TODAY });
    assert.deepEqual(!r.ok && r.errors.map((e) => [e.field, e.code]), [[field, code]]);
  });
}

test('fiche messages name the field as labelled', () => {
  const r = validateFiche({ ...validFiche(), keysToSuccess: '' }, { today: TODAY });
  assert.deepEqual(!r.ok && r.errors[0]!.message, 'Clés de réussite\u00a0: ce champ est obligatoire.');
  assert.equal(validateFiche(null).ok, false);
});
