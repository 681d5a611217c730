// A valid declaration to start each case from, and helpers to vary one field at a time.
import type { Declaration } from '../../src/model.js';

/** The day the fixtures are declared on. */
export const TODAY = '2026-06-15';

export function validInput(): Record<string, unknown> {
  return {
    conditionsAccepted: true,
    implementationDate: '21/12/2014',
    entityName: 'Association Grandir Ensemble 59',
    title: 'Groupes de parole pour parents d’adolescents',
    description: 'Des groupes de parole mensuels réunissent parents et professionnels autour des difficultés de l’adolescence.',
    scale: 'departementale',
    interventionTypes: ['accueil-de-jour'],
    themes: ['education'],
    audiences: ['adolescents'],
    relay: 'association',
    location: { regions: [], departments: ['59'] },
    departmentAgreement: { obtained: true, representative: 'Conseil départemental du Nord' },
    declarant: { name: 'Camille Martin', email: 'camille.martin@example.org', phone: '01 23 45 67 89', accuracyCertified: true },
  };
}

/** Sets a dotted path on a deep copy. */
export function withField(path: string, value: unknown, base = validInput()): Record<string, unknown> {
  const copy = structuredClone(base);
  const parts = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) target = target[p] as Record<string, unknown>;
  if (value === undefined) delete target[parts[parts.length - 1]!];
  else target[parts[parts.length - 1]!] = value;
  return copy;
}

export type { Declaration };
