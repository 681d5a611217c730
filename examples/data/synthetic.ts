// Deterministic synthetic practices for benchmarks and demos: realistic-looking French text
// about child protection, every taxonomy code used, locations valid for each scale.
// Nothing here is real: names of associations and people are made up from word banks.
import type { Declaration, Fiche, PublicDeclaration, PublicPractice } from '../../src/model.js';
import {
  AUDIENCES, INTERVENTION_TYPES, RELAYS, SCALES, THEMES,
  type AudienceCode, type InterventionTypeCode, type RelayCode, type ScaleCode, type ThemeCode,
} from '../../src/taxonomy/lists.js';
import { DEPARTMENTS, REGIONS } from '../../src/taxonomy/territories.generated.js';
import type { Department } from '../../src/taxonomy/territories-types.js';

/** mulberry32: a small, fast, seeded PRNG giving floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const some = <T>(rng: Rng, list: readonly T[], min: number, max: number): T[] => {
  const n = Math.min(list.length, int(rng, min, max));
  const pool = [...list];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
};
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const clip = (s: string, max: number): string => {
  if ([...s].length <= max) return s;
  const cut = [...s].slice(0, max - 1).join('');
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length).replace(/[ ,;:]+$/, '')}…`;
};

// ---------------------------------------------------------------------------------------------
// Word banks
// ---------------------------------------------------------------------------------------------

const DEVICES = [
  'Dispositif', 'Programme', 'Réseau', 'Protocole', 'Plateforme', 'Groupe de parole', 'Atelier',
  'Service', 'Cellule', 'Maison', 'Équipe mobile', "Lieu d'accueil", 'Parcours', 'Projet',
  'Permanence', 'Espace', 'Accompagnement', 'Pôle', 'Unité', 'Chantier éducatif',
];

const PURPOSES = [
  'de soutien à la parentalité', "d'accompagnement des jeunes majeurs vers l'autonomie",
  'de prévention des violences conjugales', "d'accueil d'urgence des mineurs",
  'de médiation familiale', 'de repérage du harcèlement scolaire',
  "d'accès aux soins en santé mentale", 'de maintien des liens parents-enfants',
  'pour les mineurs non accompagnés', "d'aide à la scolarité des enfants confiés",
  'contre les violences sexuelles faites aux enfants', 'de visites médiatisées',
  "d'accueil séquentiel en famille d'accueil", 'de prévention de la radicalisation',
  'de lutte contre la prostitution des mineurs', "d'évaluation des informations préoccupantes",
  'de soutien aux assistants familiaux', 'de relais parental', 'de prévention spécialisée',
  "d'insertion professionnelle des jeunes de l'ASE", 'de liens avec les parents détenus',
  'de prévention des cyberviolences', "d'éducation à la vie affective", 'de parrainage de proximité',
  "d'accompagnement périnatal", 'de répit pour les familles', "d'accueil mère-enfant",
  'de coordination des parcours', 'de pair-aidance entre jeunes placés', "d'aide éducative à domicile",
];

const PLACES = [
  '', '', '', 'en milieu rural', 'dans les quartiers prioritaires', 'auprès des familles d\'accueil',
  "avec l'Éducation nationale", 'en lien avec la PJJ', 'en outre-mer', 'sur le territoire',
  'en maison d\'enfants', 'au domicile des familles', 'en milieu hospitalier', 'en zone de montagne',
];

const ENTITY_KINDS = [
  'Association', 'Sauvegarde de l\'enfance', 'Maison d\'enfants à caractère social', 'Service d\'AEMO',
  'Fondation', 'Foyer de l\'enfance', 'Centre parental', 'Lieu de vie', 'Relais parental',
  'Point accueil écoute jeunes', 'Maison des adolescents', 'Club de prévention',
];

const ENTITY_NAMES = [
  'Les Petits Pas', 'Horizons', 'La Passerelle', 'Le Fil d\'Ariane', 'Les Liens', 'Escale',
  'Les Cèdres', 'Graines d\'avenir', 'L\'Étape', 'Le Phare', 'Trait d\'union', 'Les Tilleuls',
  'La Boussole', 'Cap Jeunes', 'Renouer', 'Les Colibris', 'Arc-en-ciel', 'La Clairière',
  'Main tendue', 'Grandir ensemble', 'Les Oliviers', 'Enfance et familles', 'Le Chêne', 'Kerlann',
];

const ACTORS = [
  'les travailleurs sociaux', 'les éducateurs spécialisés', 'les assistants familiaux',
  'les psychologues', 'les familles', 'les parents', 'les jeunes accueillis', 'les enseignants',
  'les professionnels de santé', 'les bénévoles', 'les magistrats', 'les puéricultrices de PMI',
  'les conseillers en économie sociale et familiale', 'les médiateurs familiaux',
];

const VERBS = [
  'accompagne', 'soutient', 'réunit', 'forme', 'oriente', 'sensibilise', 'outille', 'coordonne',
  'rencontre', 'écoute', 'associe', 'mobilise',
];

const OPENERS = [
  'Ce dispositif', 'Cette action', 'Le projet', 'Ce service', "L'équipe", "Depuis son lancement, l'action",
  'Porté par des professionnels de terrain, le projet', 'Cette démarche', 'Le programme', 'Cette initiative',
];

const GOALS = [
  "prévenir les ruptures de parcours", "renforcer les compétences parentales",
  "favoriser le maintien des liens familiaux", "sécuriser le retour au domicile",
  "repérer plus tôt les situations de danger", "lutter contre le décrochage scolaire",
  "préparer la sortie du dispositif de protection", "améliorer l'accès aux droits",
  "réduire les délais d'évaluation", "soutenir la santé psychique des enfants",
  "prévenir la récidive des violences", "éviter un placement lorsque c'est possible",
  "favoriser l'autonomie des jeunes majeurs", "mieux articuler les interventions des partenaires",
  "recueillir la parole de l'enfant", "protéger les enfants exposés aux violences conjugales",
];

const MEANS = [
  'des entretiens individuels hebdomadaires', 'des ateliers collectifs mensuels',
  'une astreinte téléphonique', 'des visites à domicile', 'un référent unique',
  'une équipe pluridisciplinaire', 'des séjours de rupture', 'un livret d\'accueil illustré',
  'des temps d\'analyse de la pratique', 'une convention avec l\'hôpital',
  'une application numérique', 'des groupes d\'échange entre pairs', 'un fonds d\'aide financière',
  'des formations croisées', 'un comité de pilotage trimestriel',
];

const RESULTS = [
  'une baisse du nombre de placements en urgence', 'une meilleure assiduité scolaire',
  'des retours en famille mieux préparés', 'une diminution des fugues',
  'une plus grande confiance des familles', 'des délais de prise en charge raccourcis',
  'une meilleure coordination entre services', 'une insertion professionnelle plus rapide',
];

const DIFFICULTIES = [
  'le turn-over des professionnels', 'le financement pluriannuel', 'la mobilisation des familles',
  'les distances à parcourir', 'la coordination avec la psychiatrie', 'le manque de places',
  'la continuité pendant les vacances scolaires', 'le partage d\'informations entre services',
];

const PARTNERS = [
  'Caisse d\'allocations familiales', 'Éducation nationale', 'Protection judiciaire de la jeunesse',
  'Agence régionale de santé', 'Centre hospitalier', 'Mission locale', 'Tribunal judiciaire',
  'Maison départementale des solidarités', 'Centre médico-psychologique', 'Commune',
  'Planning familial', 'France Victimes', 'Unité d\'accueil pédiatrique enfants en danger',
];

const OTHER_TEXTS: Record<'interventionType' | 'theme' | 'audience' | 'relay', readonly string[]> = {
  interventionType: ['Visites médiatisées', 'Mesure d\'accompagnement en économie sociale', 'Parrainage', 'Séjour de répit'],
  theme: ['Prostitution des mineurs', 'Radicalisation', 'Handicap', 'Addictions', 'Périnatalité'],
  audience: ['Femmes enceintes', 'Fratries', 'Parents incarcérés', 'Enfants en situation de handicap'],
  relay: ['Centre communal d\'action sociale', 'Groupement d\'intérêt public', 'Établissement public', 'Collectif citoyen'],
};

/** Towns for local practices, each with its département. */
const LOCALITIES: readonly (readonly [string, string])[] = [
  ['59', 'Roubaix'], ['59', 'Dunkerque'], ['62', 'Lens'], ['69', 'Villeurbanne'], ['13', 'Marseille, quartiers nord'],
  ['33', 'Mérignac'], ['31', 'Toulouse, Mirail'], ['44', 'Saint-Nazaire'], ['35', 'Rennes'], ['67', 'Strasbourg'],
  ['68', 'Mulhouse'], ['06', 'Nice'], ['34', 'Montpellier'], ['93', 'Saint-Denis'], ['93', 'Aubervilliers'],
  ['94', 'Créteil'], ['92', 'Nanterre'], ['75', 'Paris 19e'], ['76', 'Le Havre'], ['14', 'Caen'],
  ['29', 'Brest'], ['56', 'Lorient'], ['63', 'Clermont-Ferrand'], ['87', 'Limoges'], ['21', 'Dijon'],
  ['25', 'Besançon'], ['54', 'Nancy'], ['57', 'Metz'], ['51', 'Reims'], ['80', 'Amiens'],
  ['45', 'Orléans'], ['37', 'Tours'], ['49', 'Angers'], ['86', 'Poitiers'], ['64', 'Pau'],
  ['2A', 'Ajaccio'], ['2B', 'Bastia'], ['971', 'Pointe-à-Pitre'], ['972', 'Fort-de-France'],
  ['973', 'Cayenne'], ['974', 'Saint-Denis de La Réunion'], ['976', 'Mamoudzou'], ['38', 'Grenoble'],
  ['42', 'Saint-Étienne'], ['30', 'Nîmes'], ['66', 'Perpignan'], ['83', 'Toulon'], ['84', 'Avignon'],
  ['23', 'Guéret'], ['48', 'Mende'],
];

const FIRST_NAMES = ['Camille', 'Nadia', 'Julien', 'Sophie', 'Karim', 'Élodie', 'Thomas', 'Awa', 'Hélène', 'Mathieu', 'Inès', 'François', 'Léa', 'Yannick'];
const LAST_NAMES = ['Martin', 'Bernard', 'Benali', 'Dubois', 'Lefèvre', 'N\'Diaye', 'Moreau', 'Le Goff', 'Garcia', 'Petit', 'Roux', 'Fontaine', 'Girard', 'Nguyen'];

const DEPARTMENT_BY_CODE = new Map(DEPARTMENTS.map((d) => [d.code, d]));
const departmentsOfRegion = (region: string): Department[] => DEPARTMENTS.filter((d) => d.region === region);

/** "du Nord", "de la Somme", "des Landes", "de l'Ain", "de Paris". */
function ofDepartment(d: Department): string {
  switch (d.article) {
    case 'le': return `du ${d.label}`;
    case 'la': return `de la ${d.label}`;
    case 'les': return `des ${d.label}`;
    case "l'": return `de l'${d.label}`;
    default: return /^[aeiouyéèêàâîôûh]/i.test(d.label) ? `d'${d.label}` : `de ${d.label}`;
  }
}

/** The body that gives the département's agreement (not always a conseil départemental). */
function representativeFor(d: Department): string {
  switch (d.code) {
    case '75': return 'Ville de Paris';
    case '69': return 'Métropole de Lyon';
    case '2A': case '2B': return 'Collectivité de Corse';
    case '67': case '68': return "Collectivité européenne d'Alsace";
    case '972': return 'Collectivité territoriale de Martinique';
    case '973': return 'Collectivité territoriale de Guyane';
    default: return `Conseil départemental ${ofDepartment(d)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const PUBLISHED_FROM = Date.UTC(2023, 8, 1); // 2023-09-01
const PUBLISHED_TO = Date.UTC(2026, 9, 31); // 2026-10-31
const IMPLEMENTED_FROM = Date.UTC(2005, 0, 1);
const IMPLEMENTED_TO = Date.UTC(2024, 11, 31);

const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

interface Draft {
  common: Omit<PublicDeclaration, 'conditionsAccepted' | 'description' | 'relay' | 'relayOther'>;
  relay: RelayCode;
  relayOther?: string;
  description: string;
  department: Department;
  publishedAt: number;
}

interface Cycles { departments: number; regions: number }

function draft(rng: Rng, i: number, cycles: Cycles): Draft {
  // Cycle the first codes of each list so that every code appears even in small sets.
  const scale: ScaleCode = i < SCALES.length ? SCALES[i]!.code : pick(rng, SCALES).code;
  const interventionTypes = some(rng, INTERVENTION_TYPES.map((t) => t.code), 1, 3) as InterventionTypeCode[];
  const themes = some(rng, THEMES.map((t) => t.code), 1, 3) as ThemeCode[];
  const audiences = some(rng, AUDIENCES.map((t) => t.code), 1, 2) as AudienceCode[];
  const cycle = <T extends { code: string }>(list: readonly T[]) => list[i % list.length]!.code;
  if (!interventionTypes.includes(cycle(INTERVENTION_TYPES) as InterventionTypeCode)) interventionTypes[0] = cycle(INTERVENTION_TYPES) as InterventionTypeCode;
  if (!themes.includes(cycle(THEMES) as ThemeCode)) themes[0] = cycle(THEMES) as ThemeCode;
  if (!audiences.includes(cycle(AUDIENCES) as AudienceCode)) audiences[0] = cycle(AUDIENCES) as AudienceCode;
  const relay = (i < RELAYS.length ? RELAYS[i]!.code : rng() < 0.55 ? 'association' : rng() < 0.85 ? 'departement' : 'autre') as RelayCode;

  let department: Department;
  let location: PublicDeclaration['location'];
  switch (scale) {
    case 'nationale':
      department = pick(rng, DEPARTMENTS);
      location = { regions: [], departments: [] };
      break;
    case 'regionale': {
      // The first régional practices go through every région once.
      const regions = cycles.regions < REGIONS.length
        ? [REGIONS[cycles.regions++]!.code]
        : some(rng, REGIONS.map((r) => r.code), 1, 2);
      department = pick(rng, departmentsOfRegion(regions[0]!));
      location = { regions, departments: [] };
      break;
    }
    case 'departementale': {
      // The first départemental practices go through every département once.
      const first = cycles.departments < DEPARTMENTS.length ? DEPARTMENTS[cycles.departments++]! : pick(rng, DEPARTMENTS);
      const others = rng() < 0.2 ? some(rng, departmentsOfRegion(first.region).filter((d) => d !== first), 1, 2) : [];
      department = first;
      location = { regions: [], departments: [first.code, ...others.map((d) => d.code)] };
      break;
    }
    default: {
      const [code, town] = pick(rng, LOCALITIES);
      department = DEPARTMENT_BY_CODE.get(code!)!;
      location = { regions: [], departments: [department.code], locality: town! };
    }
  }

  const device = pick(rng, DEVICES);
  let purpose = pick(rng, PURPOSES);
  while (/accueil/i.test(device) && purpose.includes('accueil')) purpose = pick(rng, PURPOSES);
  const place = pick(rng, PLACES);
  const title = clip([device, purpose, place].filter(Boolean).join(' '), 100);
  const kind = pick(rng, ENTITY_KINDS);
  const entityName = clip(
    rng() < 0.35 && relay === 'departement' ? representativeFor(department)
      : rng() < 0.5 ? `${kind} ${pick(rng, ENTITY_NAMES)}` : `${kind} ${ofDepartment(department)}`,
    100,
  );
  const sentences = [
    `${pick(rng, OPENERS)} ${pick(rng, VERBS)} ${pick(rng, ACTORS)} pour ${pick(rng, GOALS)}.`,
    `Il s'appuie sur ${pick(rng, MEANS)} et sur ${pick(rng, MEANS)}.`,
    `Les premiers bilans montrent ${pick(rng, RESULTS)}.`,
    `L'équipe ${pick(rng, VERBS)} aussi ${pick(rng, ACTORS)} afin de ${pick(rng, GOALS)}.`,
    `Principale difficulté rencontrée : ${pick(rng, DIFFICULTIES)}.`,
  ];
  const description = clip(sentences.slice(0, int(rng, 2, 5)).join(' '), 1000);

  const publishedAt = PUBLISHED_FROM + Math.floor(rng() * (PUBLISHED_TO - PUBLISHED_FROM));
  // The practice has run at least a year when it is declared (before publication).
  const latest = Math.min(IMPLEMENTED_TO, publishedAt - 400 * DAY);
  const implementationDate = isoDate(IMPLEMENTED_FROM + Math.floor(rng() * (latest - IMPLEMENTED_FROM)));

  const common: Draft['common'] = {
    implementationDate, entityName, title, scale, interventionTypes, themes, audiences, location,
  };
  if (interventionTypes.includes('autre')) common.interventionTypeOther = pick(rng, OTHER_TEXTS.interventionType);
  if (themes.includes('autre')) common.themeOther = pick(rng, OTHER_TEXTS.theme);
  if (audiences.includes('autre')) common.audienceOther = pick(rng, OTHER_TEXTS.audience);
  const result: Draft = { common, relay, description, department, publishedAt };
  if (relay === 'autre') result.relayOther = pick(rng, OTHER_TEXTS.relay);
  return result;
}

function toDeclaration(rng: Rng, d: Draft): Declaration {
  const first = pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '');
  const declaration: Declaration = {
    conditionsAccepted: true,
    ...d.common,
    description: d.description,
    relay: d.relay,
    departmentAgreement: { obtained: true, representative: representativeFor(d.department) },
    declarant: {
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}@exemple.fr`,
      accuracyCertified: true,
    },
  };
  if (d.relayOther) declaration.relayOther = d.relayOther;
  if (rng() < 0.6) declaration.declarant.phone = `0${int(rng, 1, 5)} ${Array.from({ length: 4 }, () => String(int(rng, 0, 99)).padStart(2, '0')).join(' ')}`;
  return declaration;
}

function toFiche(rng: Rng, d: Draft): Fiche {
  const sentence = (bank: readonly string[], lead: string) => `${lead} ${some(rng, bank, 2, 3).join(', ')}.`;
  const fiche: Fiche = {
    ...d.common,
    summary: d.description,
    objectives: `${capitalize(some(rng, GOALS, 2, 3).join(' ; '))}.`,
    means: sentence(MEANS, 'Le dispositif mobilise'),
    keysToSuccess: `${capitalize(pick(rng, ['l\'engagement', 'la formation', 'la stabilité', 'la disponibilité']))} ${pick(rng, ACTORS).replace(/^les /, 'des ')} et ${pick(rng, MEANS)}.`,
    expectedResults: sentence(RESULTS, 'Résultats attendus :'),
    difficulties: sentence(DIFFICULTIES, 'Points de vigilance :'),
    partners: some(rng, PARTNERS, 2, 4),
    coAuthors: [{ name: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`, organisation: d.common.entityName }],
    relay: d.relay,
  };
  if (d.relayOther) fiche.relayOther = d.relayOther;
  if (rng() < 0.15) delete fiche.implementationDate; // some fiches do not know their start date
  if (rng() < 0.5) fiche.lastReviewedAt = isoDate(d.publishedAt - int(rng, 0, 200) * DAY); // reviewed, then published
  return fiche;
}

/**
 * `n` public practices, the same for the same `(n, seed)`: ~10 % ONPE fiches, ~5 % featured,
 * implementation dates 2005–2024, publication dates 2023-09 to 2026-10, every taxonomy code used.
 * Ids are `syn-<seed>-<index>` (zero-padded), references `PI-<year>-<number>`.
 */
export function syntheticPractices(n: number, seed = 1): PublicPractice[] {
  const rng = mulberry32(seed);
  const cycles: Cycles = { departments: 0, regions: 0 };
  const out: PublicPractice[] = [];
  for (let i = 0; i < n; i++) {
    const d = draft(rng, i, cycles);
    const onpe = rng() < 0.1;
    const featured = rng() < 0.05;
    const publishedAt = new Date(d.publishedAt).toISOString();
    const updatedAt = new Date(Math.min(PUBLISHED_TO, d.publishedAt + int(rng, 0, 30) * DAY)).toISOString();
    const practice: PublicPractice = {
      id: `syn-${seed}-${String(i).padStart(6, '0')}`,
      reference: `PI-${publishedAt.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`,
      level: onpe ? 'onpe' : 'declared',
      featured,
      publishedAt,
      updatedAt,
    };
    if (onpe) practice.fiche = toFiche(rng, d);
    else {
      const { declarant: _declarant, departmentAgreement: _agreement, ...pub } = toDeclaration(rng, d);
      practice.declaration = pub;
    }
    out.push(practice);
  }
  return out;
}

/**
 * `n` full declarations (with declarant, département agreement and accepted conditions), the
 * same for the same `(n, seed)`, valid for `validateDeclaration` on any day after 2025-12-31.
 */
export function syntheticDeclarations(n: number, seed = 1): Declaration[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const cycles: Cycles = { departments: 0, regions: 0 };
  return Array.from({ length: n }, (_, i) => toDeclaration(rng, draft(rng, i, cycles)));
}
