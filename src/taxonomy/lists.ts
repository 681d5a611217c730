// The five lists of the declaration form (seed 004), with stable codes and the labels as printed.

/** A term of a list: `code` is stored and never changes once released; `label` is what people read. */
export interface Term<C extends string = string> {
  readonly code: C;
  readonly label: string;
  /** True when the printed label may be a capture error of the seed and awaits the owner's word. */
  readonly toConfirm?: boolean;
}

/** Release of the lists: bump it when a term is added or a label changes. Codes never change. */
export const TAXONOMY_VERSION = '2026.1';

/** Code of the "Autre" term: choosing it requires a precision text. */
export const OTHER = 'autre';

const terms = <const T extends readonly Term[]>(list: T): T => list;

export const SCALES = terms([
  { code: 'nationale', label: 'Nationale' },
  { code: 'regionale', label: 'Régionale' },
  { code: 'departementale', label: 'Départementale' },
  { code: 'locale', label: 'Locale' },
]);

export const INTERVENTION_TYPES = terms([
  { code: 'diagnostic-situation', label: 'Diagnostic de situation' },
  { code: 'ibd', label: 'IBD', toConfirm: true },
  { code: 'accueil-de-jour', label: 'Accueil de jour' },
  { code: 'accueil-urgence', label: "Accueil d'urgence" },
  { code: 'bsi', label: 'BSI', toConfirm: true },
  { code: 'placement-etablissement', label: 'Placement en établissement' },
  { code: 'placement-familial', label: 'Placement familial' },
  { code: 'accueil-temporaire-domicile', label: 'Accueil temporaire au domicile' },
  { code: 'accueil-garderie-ventrille', label: 'Accueil garderie-ventrille', toConfirm: true },
  { code: 'ciel-ciel-ecole', label: 'Ciel-Ciel-école', toConfirm: true },
  { code: 'accueil-par-tiers', label: 'Accueil par des tiers' },
  { code: 'autre', label: 'Autre' },
]);

export const THEMES = terms([
  { code: 'education', label: 'Éducation' },
  { code: 'violences-conjugales', label: 'Violences conjugales' },
  { code: 'violences-sexuelles', label: 'Violences sexuelles' },
  { code: 'harcelement', label: 'Harcèlement' },
  { code: 'sante-mentale', label: 'Santé mentale' },
  { code: 'maintien-liens-parents-enfants', label: 'Distanciation et maintien parents/enfants' },
  { code: 'detenus', label: 'Détenus' },
  { code: 'ciel-numerique', label: 'Ciel numérique', toConfirm: true },
  { code: 'organisation-interne', label: "Modalités d'organisation interne" },
  { code: 'autre', label: 'Autre' },
]);

export const AUDIENCES = terms([
  { code: '0-4-ans', label: '0 à 4 ans' },
  { code: '4-12-ans', label: '4 à 12 ans' },
  { code: 'adolescents', label: 'Adolescents' },
  { code: 'jeunes-majeurs', label: 'Jeunes majeurs' },
  { code: 'enfants-non-accompagnes', label: 'Enfants non accompagnés' },
  { code: 'enfants-situation-multiple', label: 'Enfants en situation multiple', toConfirm: true },
  { code: 'enfants', label: 'Enfants' },
  { code: 'tous-publics', label: 'Tous publics' },
  { code: 'autre', label: 'Autre' },
]);

export const RELAYS = terms([
  { code: 'association', label: 'Association' },
  { code: 'departement', label: 'Département' },
  { code: 'autre', label: 'Autre' },
]);

export const LEVELS = terms([
  { code: 'declared', label: 'Pratique déclarée' },
  { code: 'onpe', label: 'Fiche dispositif ONPE' },
]);

type CodeOf<T extends readonly Term[]> = T[number]['code'];
export type ScaleCode = CodeOf<typeof SCALES>;
export type InterventionTypeCode = CodeOf<typeof INTERVENTION_TYPES>;
export type ThemeCode = CodeOf<typeof THEMES>;
export type AudienceCode = CodeOf<typeof AUDIENCES>;
export type RelayCode = CodeOf<typeof RELAYS>;
export type Level = CodeOf<typeof LEVELS>;
