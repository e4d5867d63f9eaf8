import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './platform-harness';

const run = promisify(execFile);
/** The newest installed server's programs (Debian layout), as deploy/local/infrastructure.sh chooses them; POSTGRES_BIN_DIR overrides. */
const BIN =
  process.env.POSTGRES_BIN_DIR ??
  `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(a) - Number(b))
    .at(-1)}/bin`;

/**
 * A PostgreSQL cluster of one test's own (initdb into a temp dir, a free port, trust auth), so
 * the fault tier can stop and restart a database under load. The shared server on 5432 is never
 * touched: other worktrees' tests run on it. initdb refuses to run as root, so as root the
 * cluster belongs to the `postgres` user and every pg_ctl call runs as that user.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** Superuser URL of the cluster's `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'tcp-fault-pg-'));
    if (process.getuid?.() === 0) chownSync(dir, ...postgresIds());
    const cluster = new PrivatePostgres(await freePort(), dir);
    await cluster.asOwner(join(BIN, 'initdb'), ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    await cluster.pgCtl('start');
    return cluster;
  }

  /** Starts the stopped cluster again on the same port and data (waits until it accepts connections). */
  start(): Promise<void> {
    return this.pgCtl('start');
  }

  /** A fast shutdown: open sessions are ended (57P01), in-flight transactions rolled back. */
  stop(): Promise<void> {
    return this.pgCtl('stop', ['-m', 'fast']);
  }

  async destroy(): Promise<void> {
    await this.pgCtl('stop', ['-m', 'immediate']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private pgCtl(action: 'start' | 'stop', extra: string[] = []): Promise<void> {
    return this.asOwner(join(BIN, 'pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      // Socket in the cluster's own directory: /var/run/postgresql belongs to the shared server.
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      ...extra,
      action,
    ]);
  }

  private async asOwner(command: string, args: string[]): Promise<void> {
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    await run(file, argv, { cwd: this.dir });
  }
}

function postgresIds(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return [uid, gid];
}
