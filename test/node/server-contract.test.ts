// The store contract through createHttpStore against the reference server, on PGlite and on PostgreSQL.
import { after, before, describe, test } from 'node:test';
import { createHttpStore } from '../../src/store/index.js';
import type { Db } from '../../examples/server/db.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import { backends, startServer, withTokens } from '../support/server.js';
import { NOW, PERSISTENCE_CONTRACT, STORE_CONTRACT } from '../support/store-contract.js';

for (const backend of await backends()) {
  describe(`reference server on ${backend.name}: the store contract over HTTP`, { skip: backend.skip }, () => {
    let now = NOW;
    let db: Db;
    let server: ReferenceServer;
    // One database and one server for the whole contract: each case uses its own keys and markers.
    before(async () => {
      db = await backend.open();
      server = await startServer(db, {}, { clock: () => new Date(now) });
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    for (const [name, run] of [...STORE_CONTRACT, ...PERSISTENCE_CONTRACT]) {
      test(name, async () => {
        now = NOW;
        const store = withTokens(createHttpStore(server.url));
        await run({ store, setNow: (iso) => (now = iso), reopen: () => withTokens(createHttpStore(server.url)) });
      });
    }
  });
}
