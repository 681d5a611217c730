// A throwaway PostgreSQL cluster for the tests: a temporary folder, a loopback port, stopped and removed after.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** A connection string to a fresh database of the cluster. */
  createDatabase(): Promise<string>;
  stop(): void;
}

/** Where Debian's server binaries are (the highest version installed), or PG_BIN when set. */
function binDir(): string | undefined {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * Starts a cluster, or says why it cannot (no binaries, no `postgres` user to run as root…), so
 * the caller can skip with a visible message. The server refuses to run as root: as root, every
 * command runs as the `postgres` user through `runuser`.
 */
export async function startPostgres(): Promise<TestPostgres | { skip: string }> {
  if (process.env.PI_TEST_POSTGRES === 'off') return { skip: 'PI_TEST_POSTGRES=off' };
  const bin = binDir();
  if (!bin) return { skip: 'PostgreSQL introuvable (/usr/lib/postgresql/*/bin ; apt-get install postgresql, ou PG_BIN)' };
  const asRoot = process.getuid?.() === 0;
  let uid: number | undefined;
  let gid: number | undefined;
  if (asRoot) {
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      return { skip: 'PostgreSQL refuse de tourner en root et l’utilisateur « postgres » n’existe pas' };
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'pi-pg-'));
  if (asRoot) chownSync(dir, uid!, gid!);
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return spawnSync(cmd, argv as string[], { encoding: 'utf8', timeout: 60_000 });
  };
  const data = join(dir, 'data');
  const init = run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `initdb a échoué : ${(init.stderr || init.error?.message || '').trim().slice(0, 300)}` };
  }
  const port = await freePort();
  // fsync off: a test cluster need not survive a power cut, and the tests run much faster without it.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  if (start.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `pg_ctl start a échoué : ${(start.stderr || start.stdout || '').trim().slice(0, 300)}` };
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  // A test run that crashes or is interrupted must not leave a server behind.
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stop();
      // Dies of the same signal, as it would have without this handler.
      process.kill(process.pid, signal);
    });
  }
  let databases = 0;
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    async createDatabase() {
      const name = `pi_test_${++databases}`;
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}
