// `node --import tsx examples/server/main.ts`: the reference server configured from the environment (docs/server.md).
import { ConfigError, loadConfig } from './config.js';
import { createServer } from './server.js';

try {
  const config = loadConfig();
  if (!Object.keys(config.tokens).length) {
    console.warn('Aucun jeton du comité configuré (PI_TOKENS ou PI_TOKENS_FILE) : seules les déclarations et la consultation publique sont possibles.');
  }
  if (!config.partnerOrigins.length && !config.boardOrigins.length) {
    console.warn('Aucune origine autorisée (PI_PARTNER_ORIGINS, PI_BOARD_ORIGINS) : les pages d’autres sites ne pourront pas appeler le serveur.');
  }
  const server = await createServer(config);
  const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir ? `PGlite dans ${config.dataDir}` : 'PGlite en mémoire (rien ne sera conservé)';
  console.log(`Serveur des pratiques inspirantes : ${server.url}\n  stockage : ${storage}\n  notifications : ${config.webhookUrl ?? 'aucun webhook (PI_WEBHOOK_URL) : elles attendent dans la table outbox'}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`Configuration refusée : ${e.message}`);
    process.exit(2);
  }
  throw e;
}
