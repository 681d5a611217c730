// The embedded default store: everything in memory, nothing to install.
import type { Practice } from '../model.js';
import { createMemoryCampaignRepository } from './campaigns.js';
import { createStoreEngine, type EngineStore, type Repository, type StoredRecord, type StoreOptions } from './engine.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions extends StoreOptions {
  /** Practices to start with (for example `buildExamplePractices()` from `pratiques-inspirantes/examples`). */
  seed?: readonly Practice[];
}

/**
 * A store held in memory: the embedded default of the demos and the tests. Actors are trusted as
 * given (there is no login in a page's memory); the declarant still needs the secret token.
 *
 * @example
 * const store = createMemoryStore({ seed: buildExamplePractices() });
 * const { items } = await store.search({ themes: ['sante-mentale'] });
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): EngineStore {
  return createStoreEngine(createMemoryRepository(options.seed), options);
}

/** The memory store's repository: maps, and an insert that builds everything before storing anything. */
export function createMemoryRepository(seed: readonly Practice[] = []): Repository {
  const records = new Map<string, StoredRecord>();
  const keys = new Map<string, string>();
  const sequences = new Map<number, number>();
  for (const practice of seed) {
    if (records.has(practice.id)) continue;
    records.set(practice.id, { practice: structuredClone(practice) });
    // Seeded references must not be handed out again.
    const m = /^PI-(\d{4})-(\d+)$/.exec(practice.reference);
    if (m) sequences.set(Number(m[1]), Math.max(sequences.get(Number(m[1])) ?? 0, Number(m[2])));
  }
  const copy = (r: StoredRecord | undefined) => (r ? structuredClone(r) : undefined);
  const repo: Repository = {
    campaigns: createMemoryCampaignRepository(),
    async get(id) {
      return copy(records.get(id));
    },
    async all() {
      return [...records.values()].map((r) => structuredClone(r));
    },
    async findByKey(key) {
      const id = keys.get(key);
      return id ? copy(records.get(id)) : undefined;
    },
    async insertMany(year, insertions) {
      // Built in full before anything is stored: a build that throws leaves the store as it was.
      let sequence = sequences.get(year) ?? 0;
      const pendingKeys = new Map<string, StoredRecord>();
      const results = insertions.map(({ idempotencyKey: key, build }) => {
        const existing = key ? (pendingKeys.get(key) ?? (keys.has(key) ? records.get(keys.get(key)!) : undefined)) : undefined;
        if (existing) return { record: existing, created: false };
        const record = structuredClone(build(++sequence));
        if (key) pendingKeys.set(key, record);
        return { record, created: true };
      });
      sequences.set(year, sequence);
      for (const { record, created } of results) {
        if (!created) continue;
        records.set(record.practice.id, record);
        if (record.idempotencyKey) keys.set(record.idempotencyKey, record.practice.id);
      }
      return results.map(({ record, created }) => ({ record: structuredClone(record), created }));
    },
    async replace(record, expectedVersion) {
      const stored = records.get(record.practice.id);
      if (!stored) return 'not-found';
      if (stored.practice.version !== expectedVersion) return 'conflict';
      records.set(record.practice.id, structuredClone(record));
      return 'ok';
    },
  };
  return repo;
}
