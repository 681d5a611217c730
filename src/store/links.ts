// Links between fiches and the declared practices they were written from; no other import, so a feed reader stays small.
import type { PublicPractice } from '../model.js';

/**
 * Adds to each declared practice of `items` the published fiches written from it (`fiches`), from
 * the fiches' `basedOn`: the link is kept on the fiche only, so it is always as current as the fiche.
 * Returns new objects; `items` is not changed.
 */
export function linkFiches<T extends PublicPractice>(items: readonly T[]): T[] {
  const byPractice = new Map<string, string[]>();
  for (const p of items) {
    if (p.level !== 'onpe') continue;
    for (const id of p.basedOn ?? []) byPractice.set(id, [...(byPractice.get(id) ?? []), p.id]);
  }
  return items.map((p) => {
    const { fiches: _stale, ...rest } = p;
    const fiches = p.level === 'declared' ? byPractice.get(p.id) : undefined;
    return (fiches ? { ...rest, fiches } : rest) as T;
  });
}
