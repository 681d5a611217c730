// Links between fiches and the declared practices they were written from; no other import, so a feed reader stays small.
import type { PublicPractice } from '../model.js';

/**
 * The fiches written from each declared practice, from `[ficheId, basedOn]` entries: practice id →
 * fiche ids, sorted. The one place the engine's public views and {@link linkFiches} get their order.
 */
export function fichesByPractice(entries: Iterable<readonly [string, readonly string[]]>): Map<string, string[]> {
  const byPractice = new Map<string, string[]>();
  for (const [ficheId, basedOn] of entries) {
    for (const id of basedOn) {
      const fiches = byPractice.get(id);
      if (fiches) { if (!fiches.includes(ficheId)) fiches.push(ficheId); } else byPractice.set(id, [ficheId]);
    }
  }
  for (const fiches of byPractice.values()) fiches.sort();
  return byPractice;
}

/**
 * Adds to each declared practice of `items` the published fiches written from it (`fiches`), from
 * the fiches' `basedOn`: the link is kept on the fiche only, so it is always as current as the fiche.
 * A practice keeps the `fiches` it already has (a store's public view names them all), so a list
 * filtered down to the practices alone (`?campaign=…`) does not lose its links; the fiches of the
 * list are added to them. Returns new objects; `items` is not changed.
 */
export function linkFiches<T extends PublicPractice>(items: readonly T[]): T[] {
  const byPractice = fichesByPractice(items.flatMap((p) => (p.level === 'onpe' ? [[p.id, p.basedOn ?? []] as const] : [])));
  return items.map((p) => {
    const { fiches: given, ...rest } = p;
    if (p.level !== 'declared') return rest as T;
    const listed = byPractice.get(p.id) ?? [];
    const fiches = !listed.length ? (given ?? []) : given?.length ? [...new Set([...given, ...listed])].sort() : listed;
    return (fiches.length ? { ...rest, fiches } : rest) as T;
  });
}
