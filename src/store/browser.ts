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
  let opening: Promise<IDBPDatabase<Schema>> | undefined;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`pratiques-inspirantes:${name}`) : undefined;

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
      if (options.seed?.length && (await database.count('practices')) === 0) {
        const tx = database.transaction(['practices', 'sequences'], 'readwrite');
        for (const practice of options.seed) {
          await tx.objectStore('practices').put({ id: practice.id, practice: structuredClone(practice) });
          const m = /^PI-(\d{4})-(\d+)$/.exec(practice.reference);
          if (m) {
            const seq = tx.objectStore('sequences');
            await seq.put(Math.max((await seq.get(Number(m[1]))) ?? 0, Number(m[2])), Number(m[1]));
          }
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
  const changed = () => channel?.postMessage('changed');

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
    async insert(year, key, build) {
      const tx = (await db()).transaction(['practices', 'sequences'], 'readwrite');
      const practices = tx.objectStore('practices');
      const existing = key ? await practices.index('byKey').get(key) : undefined;
      if (existing) {
        await tx.done;
        return { record: strip(existing)!, created: false };
      }
      const sequence = ((await tx.objectStore('sequences').get(year)) ?? 0) + 1;
      const record = build(sequence);
      await practices.add({ ...record, id: record.practice.id });
      await tx.objectStore('sequences').put(sequence, year);
      await tx.done;
      changed();
      return { record, created: true };
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
  const store = createStoreEngine(repo, options);
  channel?.addEventListener('message', () => store.invalidate());
  return store;
}
