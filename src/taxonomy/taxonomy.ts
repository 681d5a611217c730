// The taxonomy as one value: lists, territories, label overrides and look-ups.
import {
  AUDIENCES, INTERVENTION_TYPES, LEVELS, RELAYS, SCALES, TAXONOMY_VERSION, THEMES, type Term,
} from './lists.js';
import { DEPARTMENTS, REGIONS, TERRITORIES_SOURCE } from './territories.generated.js';
import type { Department, Region } from './territories-types.js';

/** Names of the lists whose terms a declaration chooses from. */
export type ListName = 'scales' | 'interventionTypes' | 'themes' | 'audiences' | 'relays' | 'levels';
/** Every list of the taxonomy, territories included. */
export type AnyListName = ListName | 'regions' | 'departments';

/** The lists, the territories and the version, as portals receive them in `taxonomy.json`. */
export interface Taxonomy {
  readonly version: string;
  readonly territoriesSource: string;
  readonly scales: readonly Term[];
  readonly interventionTypes: readonly Term[];
  readonly themes: readonly Term[];
  readonly audiences: readonly Term[];
  readonly relays: readonly Term[];
  readonly levels: readonly Term[];
  readonly regions: readonly Region[];
  readonly departments: readonly Department[];
}

/**
 * Labels a host wants shown instead of the default ones, by list then by code.
 * Stored data keeps the codes, so an override never touches existing practices.
 *
 * @example
 * const t = createTaxonomy({ themes: { 'ciel-numerique': 'Cyberviolences' } });
 */
export type LabelOverrides = Partial<Record<AnyListName, Readonly<Record<string, string>>>>;

const BASE: Taxonomy = Object.freeze({
  version: TAXONOMY_VERSION,
  territoriesSource: TERRITORIES_SOURCE,
  scales: SCALES,
  interventionTypes: INTERVENTION_TYPES,
  themes: THEMES,
  audiences: AUDIENCES,
  relays: RELAYS,
  levels: LEVELS,
  regions: REGIONS,
  departments: DEPARTMENTS,
});

/** The default taxonomy, labels as printed in the seed form. */
export const taxonomy: Taxonomy = BASE;

/**
 * Returns a taxonomy whose labels are overridden where `overrides` says so.
 * Unknown lists or codes throw, so that a typo in a host's configuration is seen at once.
 */
export function createTaxonomy(overrides: LabelOverrides = {}): Taxonomy {
  const result: Record<string, unknown> = { ...BASE };
  for (const [list, labels] of Object.entries(overrides)) {
    const terms = (BASE as unknown as Record<string, readonly Term[] | undefined>)[list];
    if (!Array.isArray(terms) || !labels) throw new Error(`Unknown taxonomy list "${list}"`);
    for (const code of Object.keys(labels)) {
      if (!terms.some((t) => t.code === code)) throw new Error(`Unknown code "${code}" in list "${list}"`);
    }
    result[list] = Object.freeze(
      terms.map((t) => (Object.hasOwn(labels, t.code) ? { ...t, label: labels[t.code]! } : t)),
    );
  }
  return Object.freeze(result) as unknown as Taxonomy;
}

const byCode = <T extends Term>(list: readonly T[]) => new Map(list.map((t) => [t.code, t]));
const REGION_BY_CODE = byCode(REGIONS);
const DEPARTMENT_BY_CODE = byCode(DEPARTMENTS);

/** Looks up a région by INSEE code. */
export const getRegion = (code: string): Region | undefined => REGION_BY_CODE.get(code);
/** Looks up a département by INSEE code (`"2A"`, `"974"`). */
export const getDepartment = (code: string): Department | undefined => DEPARTMENT_BY_CODE.get(code);
/** The départements of a région, in INSEE order. */
export const departmentsOf = (regionCode: string): Department[] =>
  DEPARTMENTS.filter((d) => d.region === regionCode);

/** True when `code` is a code of `list`. */
export function isCode(list: AnyListName, code: unknown, t: Taxonomy = BASE): boolean {
  return typeof code === 'string' && t[list].some((term) => term.code === code);
}

/** The label of a code in a list, or the code itself when unknown (so nothing is ever blank). */
export function labelOf(list: AnyListName, code: string, t: Taxonomy = BASE): string {
  return t[list].find((term) => term.code === code)?.label ?? code;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s'’-]+/g, ' ').trim();

/**
 * Finds départements by number or name, accent- and case-insensitive, as a picker needs:
 * `"59"`, `"2a"`, `"corse"`, `"cotes d'armor"`. Numbers match by prefix, names by word prefix.
 */
export function findDepartments(query: string, t: Taxonomy = BASE): Department[] {
  const q = fold(query);
  if (!q) return [...t.departments];
  const byNumber = t.departments.filter((d) => d.code.toLowerCase().startsWith(q));
  const byName = t.departments.filter(
    (d) => !byNumber.includes(d) && (fold(d.label).startsWith(q) || fold(d.label).includes(` ${q}`)),
  );
  return [...byNumber, ...byName];
}
