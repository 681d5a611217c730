// Starts the demo server and says where to look.
import { startDevServer } from '@web/dev-server';
import config from '../web-dev-server.config.mjs';

const server = await startDevServer({ config, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const url = `http://${config.hostname}:${config.port}/examples/`;
console.log(`\nPratiques inspirantes — démonstration\n  ${url}\n  (Ctrl+C pour arrêter)\n`);
process.on('SIGINT', async () => {
  await server.stop();
  process.exit(0);
});
