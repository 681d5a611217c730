// The one catalogue of validation messages (fr, en, de), keyed by stable codes, and field labels as the form shows them.

/** Languages of the catalogues. French is the default everywhere. */
export type Lang = 'fr' | 'en' | 'de';
export const LANGS: readonly Lang[] = ['fr', 'en', 'de'];

/** Stable machine codes of validation problems; never renamed once released. */
export type IssueCode =
  | 'not_an_object'
  | 'required'
  | 'invalid_type'
  | 'too_long'
  | 'too_many'
  | 'invalid_choice'
  | 'must_accept'
  | 'invalid_characters'
  | 'other_required'
  | 'date_format'
  | 'date_invalid'
  | 'date_too_old'
  | 'date_in_future'
  | 'date_too_recent'
  | 'email_invalid'
  | 'phone_invalid'
  | 'region_required'
  | 'department_required'
  | 'single_department'
  | 'locality_required'
  | 'department_outside_regions'
  | 'territory_not_expected';

/** Values a message may quote. */
export interface IssueParams {
  max?: number;
  length?: number;
  months?: number;
  minYear?: number;
  value?: string;
  choice?: string;
}

type Catalogue = Record<IssueCode, (p: IssueParams) => string>;

const years = (months: number, unit: [string, string, string, string]) =>
  months % 12 === 0
    ? `${months / 12} ${months === 12 ? unit[0] : unit[1]}`
    : `${months} ${months === 1 ? unit[2] : unit[3]}`;

const fr: Catalogue = {
  not_an_object: () => 'la déclaration doit être un objet de champs.',
  required: () => 'ce champ est obligatoire.',
  invalid_type: () => "la valeur saisie n'est pas du bon type.",
  too_long: (p) => `${p.max} caractères maximum (${p.length} saisis).`,
  too_many: (p) => `${p.max} choix au maximum.`,
  invalid_choice: (p) => `« ${p.value} » ne fait pas partie des choix proposés.`,
  must_accept: () => 'cette case doit être cochée pour continuer.',
  invalid_characters: () => 'le texte contient des caractères invisibles ou invalides ; retapez-le sans copier-coller.',
  other_required: (p) => `précisez votre choix « ${p.choice ?? 'Autre'} ».`,
  date_format: () => 'saisissez la date au format JJ/MM/AAAA, par exemple 21/12/2014.',
  date_invalid: () => "cette date n'existe pas dans le calendrier.",
  date_too_old: (p) => `la date doit être postérieure au 1er janvier ${p.minYear}.`,
  date_in_future: () => 'la date ne peut pas être dans le futur.',
  date_too_recent: (p) =>
    `la pratique doit être mise en œuvre depuis au moins ${years(p.months ?? 12, ['an', 'ans', 'mois', 'mois'])}.`,
  email_invalid: () => 'saisissez une adresse électronique valide, par exemple nom@exemple.fr.',
  phone_invalid: () => 'saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.',
  region_required: () => 'choisissez au moins une région pour une action régionale.',
  department_required: () => 'choisissez au moins un département.',
  single_department: () => 'une action locale se rattache à un seul département.',
  locality_required: () => 'indiquez la commune ou le lieu de l’action locale.',
  department_outside_regions: (p) => `le département ${p.value} n’appartient à aucune des régions choisies.`,
  territory_not_expected: () => 'une action nationale ne se rattache à aucun territoire.',
};

const en: Catalogue = {
  not_an_object: () => 'the declaration must be an object of fields.',
  required: () => 'this field is required.',
  invalid_type: () => 'the value has the wrong type.',
  too_long: (p) => `${p.max} characters at most (${p.length} entered).`,
  too_many: (p) => `at most ${p.max} choices.`,
  invalid_choice: (p) => `“${p.value}” is not one of the options.`,
  must_accept: () => 'this box must be ticked to continue.',
  invalid_characters: () => 'the text holds invisible or invalid characters; type it again without copy-paste.',
  other_required: (p) => `please specify your choice “${p.choice ?? 'Other'}”.`,
  date_format: () => 'enter the date as DD/MM/YYYY, for example 21/12/2014.',
  date_invalid: () => 'this date does not exist in the calendar.',
  date_too_old: (p) => `the date must be after 1 January ${p.minYear}.`,
  date_in_future: () => 'the date cannot be in the future.',
  date_too_recent: (p) =>
    `the practice must have been running for at least ${years(p.months ?? 12, ['year', 'years', 'month', 'months'])}.`,
  email_invalid: () => 'enter a valid email address, for example name@example.org.',
  phone_invalid: () => 'enter a valid phone number, for example 01 23 45 67 89.',
  region_required: () => 'choose at least one region for a regional action.',
  department_required: () => 'choose at least one département.',
  single_department: () => 'a local action belongs to a single département.',
  locality_required: () => 'give the town or place of the local action.',
  department_outside_regions: (p) => `département ${p.value} is in none of the chosen regions.`,
  territory_not_expected: () => 'a national action has no territory.',
};

const de: Catalogue = {
  not_an_object: () => 'die Meldung muss ein Objekt aus Feldern sein.',
  required: () => 'dieses Feld ist ein Pflichtfeld.',
  invalid_type: () => 'der Wert hat den falschen Typ.',
  too_long: (p) => `höchstens ${p.max} Zeichen (${p.length} eingegeben).`,
  too_many: (p) => `höchstens ${p.max} Auswahlen.`,
  invalid_choice: (p) => `„${p.value}“ gehört nicht zu den Auswahlmöglichkeiten.`,
  must_accept: () => 'dieses Kästchen muss angekreuzt werden, um fortzufahren.',
  invalid_characters: () => 'der Text enthält unsichtbare oder ungültige Zeichen; bitte ohne Kopieren erneut eingeben.',
  other_required: (p) => `bitte präzisieren Sie Ihre Auswahl „${p.choice ?? 'Sonstiges'}“.`,
  date_format: () => 'geben Sie das Datum als TT/MM/JJJJ ein, zum Beispiel 21/12/2014.',
  date_invalid: () => 'dieses Datum gibt es im Kalender nicht.',
  date_too_old: (p) => `das Datum muss nach dem 1. Januar ${p.minYear} liegen.`,
  date_in_future: () => 'das Datum darf nicht in der Zukunft liegen.',
  date_too_recent: (p) =>
    `die Praxis muss seit mindestens ${years(p.months ?? 12, ['Jahr', 'Jahren', 'Monat', 'Monaten'])} umgesetzt werden.`,
  email_invalid: () => 'geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
  phone_invalid: () => 'geben Sie eine gültige Telefonnummer ein, zum Beispiel 01 23 45 67 89.',
  region_required: () => 'wählen Sie für eine regionale Maßnahme mindestens eine Region.',
  department_required: () => 'wählen Sie mindestens ein Département.',
  single_department: () => 'eine lokale Maßnahme gehört zu einem einzigen Département.',
  locality_required: () => 'geben Sie den Ort der lokalen Maßnahme an.',
  department_outside_regions: (p) => `das Département ${p.value} liegt in keiner der gewählten Regionen.`,
  territory_not_expected: () => 'eine nationale Maßnahme hat kein Gebiet.',
};

export const MESSAGES: Readonly<Record<Lang, Catalogue>> = { fr, en, de };

/** Field labels, by dotted path, as the form prints them. */
export const FIELD_LABELS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  fr: {
    '': 'Déclaration',
    conditionsAccepted: 'J’ai lu et j’accepte les conditions ci-dessus',
    implementationDate: 'Date de mise en œuvre de la pratique inspirante',
    entityName: 'Nom de l’entité',
    title: 'Intitulé de la pratique',
    description: 'Description de la pratique',
    scale: 'Échelle de l’action',
    interventionTypes: 'Type d’intervention',
    interventionTypeOther: 'Précision du type d’intervention',
    themes: 'Thématique',
    themeOther: 'Précision de la thématique',
    audiences: 'Public visé',
    audienceOther: 'Précision du public visé',
    relay: 'Relais de l’implémentation',
    relayOther: 'Précision du relais',
    location: 'Localisation',
    'location.regions': 'Région',
    'location.departments': 'Département',
    'location.locality': 'Commune ou lieu',
    departmentAgreement: 'Accord du département',
    'departmentAgreement.obtained': 'J’ai obtenu l’accord préalable d’un représentant du département',
    'departmentAgreement.representative': 'Représentant du département ayant donné son accord',
    declarant: 'Contact',
    'declarant.name': 'Nom et prénom',
    'declarant.email': 'Adresse électronique',
    'declarant.phone': 'Téléphone',
    'declarant.accuracyCertified': 'Je certifie l’exactitude des informations fournies',
    summary: 'Résumé',
    objectives: 'Objectifs',
    means: 'Moyens nécessaires',
    keysToSuccess: 'Clés de réussite',
    expectedResults: 'Résultats attendus',
    difficulties: 'Difficultés',
    partners: 'Partenaires',
    coAuthors: 'Co-auteurs',
    'coAuthors.name': 'Nom du co-auteur',
    'coAuthors.organisation': 'Organisme du co-auteur',
    lastReviewedAt: 'Date de dernière actualisation',
    source: 'Origine de l’envoi',
    'source.partner': 'Site partenaire',
    'source.page': 'Page d’origine',
  },
  en: {
    '': 'Declaration',
    conditionsAccepted: 'I have read and accept the conditions above',
    implementationDate: 'Date the practice started',
    entityName: 'Name of the organisation',
    title: 'Title of the practice',
    description: 'Description of the practice',
    scale: 'Scale of the action',
    interventionTypes: 'Type of intervention',
    interventionTypeOther: 'Other type of intervention',
    themes: 'Theme',
    themeOther: 'Other theme',
    audiences: 'Target audience',
    audienceOther: 'Other audience',
    relay: 'Implemented through',
    relayOther: 'Other relay',
    location: 'Location',
    'location.regions': 'Region',
    'location.departments': 'Département',
    'location.locality': 'Town or place',
    departmentAgreement: 'Agreement of the département',
    'departmentAgreement.obtained': 'I obtained the prior agreement of a representative of the département',
    'departmentAgreement.representative': 'Representative of the département who agreed',
    declarant: 'Contact',
    'declarant.name': 'Full name',
    'declarant.email': 'Email address',
    'declarant.phone': 'Phone',
    'declarant.accuracyCertified': 'I certify that the information given is accurate',
    summary: 'Summary',
    objectives: 'Objectives',
    means: 'Means required',
    keysToSuccess: 'Keys to success',
    expectedResults: 'Expected results',
    difficulties: 'Difficulties',
    partners: 'Partners',
    coAuthors: 'Co-authors',
    'coAuthors.name': 'Co-author’s name',
    'coAuthors.organisation': 'Co-author’s organisation',
    lastReviewedAt: 'Last reviewed on',
    source: 'Origin of the submission',
    'source.partner': 'Partner site',
    'source.page': 'Page of origin',
  },
  de: {
    '': 'Meldung',
    conditionsAccepted: 'Ich habe die obigen Bedingungen gelesen und akzeptiere sie',
    implementationDate: 'Datum der Einführung der Praxis',
    entityName: 'Name der Einrichtung',
    title: 'Titel der Praxis',
    description: 'Beschreibung der Praxis',
    scale: 'Reichweite der Maßnahme',
    interventionTypes: 'Art der Intervention',
    interventionTypeOther: 'Sonstige Art der Intervention',
    themes: 'Thema',
    themeOther: 'Sonstiges Thema',
    audiences: 'Zielgruppe',
    audienceOther: 'Sonstige Zielgruppe',
    relay: 'Umsetzung durch',
    relayOther: 'Sonstige Umsetzung',
    location: 'Ort',
    'location.regions': 'Region',
    'location.departments': 'Département',
    'location.locality': 'Gemeinde oder Ort',
    departmentAgreement: 'Zustimmung des Départements',
    'departmentAgreement.obtained': 'Ich habe die vorherige Zustimmung eines Vertreters des Départements eingeholt',
    'departmentAgreement.representative': 'Vertreter des Départements, der zugestimmt hat',
    declarant: 'Kontakt',
    'declarant.name': 'Vor- und Nachname',
    'declarant.email': 'E-Mail-Adresse',
    'declarant.phone': 'Telefon',
    'declarant.accuracyCertified': 'Ich bestätige die Richtigkeit der Angaben',
    summary: 'Zusammenfassung',
    objectives: 'Ziele',
    means: 'Erforderliche Mittel',
    keysToSuccess: 'Erfolgsfaktoren',
    expectedResults: 'Erwartete Ergebnisse',
    difficulties: 'Schwierigkeiten',
    partners: 'Partner',
    coAuthors: 'Mitautoren',
    'coAuthors.name': 'Name des Mitautors',
    'coAuthors.organisation': 'Organisation des Mitautors',
    lastReviewedAt: 'Zuletzt aktualisiert am',
    source: 'Herkunft der Meldung',
    'source.partner': 'Partnerseite',
    'source.page': 'Herkunftsseite',
  },
};

/** Picks a supported language from a tag such as `"fr-FR"` or `"de"`; French otherwise. */
export function resolveLang(tag: string | null | undefined): Lang {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : 'fr';
}

/** The label of a dotted path; array indices are skipped (`coAuthors.2.name` → `coAuthors.name`). */
export function fieldLabel(field: string, lang: Lang = 'fr'): string {
  const key = field.split('.').filter((part) => !/^\d+$/.test(part)).join('.');
  return FIELD_LABELS[lang][key] ?? FIELD_LABELS.fr[key] ?? field;
}

/** The full message for a field: the field's label, then what is wrong (`Nom de l’entité : ce champ est obligatoire.`). */
export function formatMessage(field: string, code: IssueCode, params: IssueParams = {}, lang: Lang = 'fr'): string {
  const separator = lang === 'fr' ? '\u00a0: ' : ': ';
  return `${fieldLabel(field, lang)}${separator}${MESSAGES[lang][code](params)}`;
}
