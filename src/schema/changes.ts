// What changed between two versions of a declaration, as the committee reads it after complements.
import type { Declaration } from '../model.js';
import { labelOf } from '../taxonomy/taxonomy.js';
import { codes, textOf } from './change-values.js';
import { formatDateFr } from './dates.js';
import { fieldLabel, resolveLang, type Lang } from './messages.js';

/** One field that differs, with both values as display text (empty string when absent). */
export interface DeclarationChange {
  /** Dotted path, as in validation errors (`"location.departments"`). */
  field: string;
  /** The field's label, as the form shows it. */
  label: string;
  before: string;
  after: string;
}

type Shown = (d: Partial<Declaration>) => string;

const BOOLEAN: Readonly<Record<Lang, [string, string]>> = { fr: ['Oui', 'Non'], en: ['Yes', 'No'], de: ['Ja', 'Nein'] };

/** The fields in the form's order; personal data last, so the committee sees the practice first. */
function shownFields(lang: Lang): [string, Shown][] {
  const yesNo = (v: unknown) => (v === undefined ? '' : v ? BOOLEAN[lang][0] : BOOLEAN[lang][1]);
  return [
    ['implementationDate', (d) => (d.implementationDate ? formatDateFr(d.implementationDate) : '')],
    ['entityName', (d) => textOf(d.entityName)],
    ['title', (d) => textOf(d.title)],
    ['description', (d) => textOf(d.description)],
    ['scale', (d) => (d.scale ? labelOf('scales', d.scale) : '')],
    ['interventionTypes', (d) => codes('interventionTypes', d.interventionTypes)],
    ['interventionTypeOther', (d) => textOf(d.interventionTypeOther)],
    ['themes', (d) => codes('themes', d.themes)],
    ['themeOther', (d) => textOf(d.themeOther)],
    ['audiences', (d) => codes('audiences', d.audiences)],
    ['audienceOther', (d) => textOf(d.audienceOther)],
    ['relay', (d) => (d.relay ? labelOf('relays', d.relay) : '')],
    ['relayOther', (d) => textOf(d.relayOther)],
    ['location.regions', (d) => codes('regions', d.location?.regions)],
    ['location.departments', (d) => codes('departments', d.location?.departments)],
    ['location.locality', (d) => textOf(d.location?.locality)],
    ['departmentAgreement.obtained', (d) => yesNo(d.departmentAgreement?.obtained)],
    ['departmentAgreement.representative', (d) => textOf(d.departmentAgreement?.representative)],
    ['declarant.name', (d) => textOf(d.declarant?.name)],
    ['declarant.email', (d) => textOf(d.declarant?.email)],
    ['declarant.phone', (d) => textOf(d.declarant?.phone)],
  ];
}

/**
 * The fields whose displayed value differs between `before` and `after`, in the form's order,
 * with labels and values as people read them (dates JJ/MM/AAAA, codes as labels). The review
 * board shows them side by side after a declarant provides complements.
 *
 * @example declarationChanges(practice.previousDeclaration, practice.declaration)
 * // [{ field: 'title', label: 'Intitulé de la pratique', before: 'Ancien titre', after: 'Nouveau titre' }]
 */
export function declarationChanges(before: Partial<Declaration> | undefined, after: Partial<Declaration> | undefined, lang: Lang | string = 'fr'): DeclarationChange[] {
  const l = resolveLang(lang);
  const a = before ?? {};
  const b = after ?? {};
  const changes: DeclarationChange[] = [];
  for (const [field, show] of shownFields(l)) {
    const was = show(a);
    const now = show(b);
    if (was !== now) changes.push({ field, label: fieldLabel(field, l), before: was, after: now });
  }
  return changes;
}
