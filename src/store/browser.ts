// A store kept in the browser's IndexedDB (through idb): practices survive reloads and are shared by the site's tabs.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Practice } from '../model.js';
import { createStoreEngine, type EngineStore, type Repository, type StoredRecord, type StoreOptions } from './engine.js';

interface Schema extends DBSchema {
  practices: { key: string; value: StoredRecord & { id: string }; indexes: { byKey: string } };
  sequences: { key: number; value: number };
}

/** Options of {@link createBrowserStore}. */
export interface BrowserStoreOptions extends StoreOptions {
  /** Practices written when the database is empty (a demo's first visit). */
  seed?: readonly Practice[];
}

const DB_VERSION = 1;

/**
 * A store in IndexedDB under `name`. Writes of one tab are seen by the others (a BroadcastChannel
 * tells them to rebuild their search index). Storage failures, a full quota included, reject with
 * `unavailable` and write nothing.
 *
 * @example const store = createBrowserStore('pratiques-demo');
 */
export function createBrowserStore(name: string, options: BrowserStoreOptions = {}): EngineStore {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`pratiques-inspirantes:${name}`) : undefined;
  const store = createStoreEngine(createIndexedDbRepository(name, { ...options, onChange: () => channel?.postMessage('changed') }), options);
  channel?.addEventListener('message', () => store.invalidate());
  return store;
}

/** The browser store's repository: one IndexedDB transaction per call. `onChange` is told after each write. */
export function createIndexedDbRepository(name: string, options: { seed?: readonly Practice[]; onChange?: () => void } = {}): Repository {
  let opening: Promise<IDBPDatabase<Schema>> | undefined;
  async function db(): Promise<IDBPDatabase<Schema>> {
    opening ??= (async () => {
      const database = await openDB<Schema>(name, DB_VERSION, {
        upgrade(upgrading) {
          const practices = upgrading.createObjectStore('practices', { keyPath: 'id' });
          practices.createIndex('byKey', 'idempotencyKey', { unique: true });
          upgrading.createObjectStore('sequences');
        },
        // Another tab upgrading: close so it can proceed; the next call reopens.
        blocking() {
          database.close();
          opening = undefined;
        },
      });
      if (options.seed?.length) {
        // Count and writes in one transaction: two tabs opening at once seed once, and never over live data.
        const tx = database.transaction(['practices', 'sequences'], 'readwrite');
        if ((await tx.objectStore('practices').count()) === 0) {
          const sequences = new Map<number, number>();
          for (const practice of options.seed) {
            await tx.objectStore('practices').put({ id: practice.id, practice: structuredClone(practice) });
            const m = /^PI-(\d{4})-(\d+)$/.exec(practice.reference);
            if (m) sequences.set(Number(m[1]), Math.max(sequences.get(Number(m[1])) ?? 0, Number(m[2])));
          }
          for (const [year, sequence] of sequences) await tx.objectStore('sequences').put(sequence, year);
        }
        await tx.done;
      }
      return database;
    })();
    try {
      return await opening;
    } catch (e) {
      opening = undefined;
      throw e;
    }
  }

  const strip = (row: (StoredRecord & { id: string }) | undefined): StoredRecord | undefined => {
    if (!row) return undefined;
    const { id: _id, ...record } = row;
    return record;
  };
  const changed = () => options.onChange?.();

  const repo: Repository = {
    async get(id) {
      return strip(await (await db()).get('practices', id));
    },
    async all() {
      return (await (await db()).getAll('practices')).map((r) => strip(r)!);
    },
    async findByKey(key) {
      return strip(await (await db()).getFromIndex('practices', 'byKey', key));
    },
    async insertMany(year, insertions) {
      // One transaction: if any write fails (a full quota), IndexedDB aborts them all.
      const tx = (await db()).transaction(['practices', 'sequences'], 'readwrite');
      const practices = tx.objectStore('practices');
      let sequence = (await tx.objectStore('sequences').get(year)) ?? 0;
      const results: { record: StoredRecord; created: boolean }[] = [];
      const pendingKeys = new Map<string, StoredRecord>();
      try {
        for (const { idempotencyKey: key, build } of insertions) {
          const existing = key ? (pendingKeys.get(key) ?? strip(await practices.index('byKey').get(key))) : undefined;
          if (existing) {
            results.push({ record: existing, created: false });
            continue;
          }
          const record = build(++sequence);
          if (key) pendingKeys.set(key, record);
          await practices.add({ ...record, id: record.practice.id });
          results.push({ record, created: true });
        }
      } catch (e) {
        // A transaction whose code throws would still commit the writes already issued: abort it.
        tx.abort();
        await tx.done.catch(() => undefined);
        throw e;
      }
      await tx.objectStore('sequences').put(sequence, year);
      await tx.done;
      if (results.some((r) => r.created)) changed();
      return results;
    },
    async replace(record, expectedVersion) {
      const tx = (await db()).transaction('practices', 'readwrite');
      const stored = await tx.store.get(record.practice.id);
      if (!stored) {
        await tx.done;
        return 'not-found';
      }
      if (stored.practice.version !== expectedVersion) {
        await tx.done;
        return 'conflict';
      }
      await tx.store.put({ ...record, id: record.practice.id });
      await tx.done;
      changed();
      return 'ok';
    },
  };
  return repo;
}
