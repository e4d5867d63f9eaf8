// CPU seconds per component of the platform, from Linux /proc: robust to a shared machine's noise,
// unlike wall time. Components: each service of this checkout (`node <app>`), PostgreSQL backends
// of the given database by role (`postgres (<role>)`), nats-server, and this benchmark (`load generator`).
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

export function cpuMeter(root, databaseUrl) {
  const database = new URL(databaseUrl).pathname.slice(1);
  const component = (pid, cmdline) => {
    if (Number(pid) === process.pid) return 'load generator';
    const app = cmdline.match(/dist\/apps\/([\w-]+)\/src\/main\.js/);
    if (app && cmdline.includes(root)) return `node ${app[1]}`;
    const backend = cmdline.match(/^postgres: [^:]+: (\S+) (\S+) /);
    if (backend && backend[2] === database) return `postgres (${backend[1]})`;
    if (/nats-server/.test(cmdline)) return 'nats-server';
    return undefined;
  };
  const snapshot = () => {
    const ticks = new Map();
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const name = component(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
        if (!name) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks.set(pid, { name, ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // the process ended between listing and reading
      }
    }
    return ticks;
  };
  /** [component, CPU seconds] since `before`, largest first. */
  const since = (before) => {
    const seconds = new Map();
    for (const [pid, { name, ticks }] of snapshot()) {
      const spent = (ticks - (before.get(pid)?.ticks ?? 0)) / CLOCK_TICKS;
      if (spent > 0) seconds.set(name, (seconds.get(name) ?? 0) + spent);
    }
    return [...seconds].sort((a, b) => b[1] - a[1]);
  };
  return { snapshot, since };
}

/** "name 0.12 ms, …": each component's CPU per request, leaving out components under `minSeconds` in all. */
export function perRequest(spent, requests, minSeconds = 0) {
  return spent
    .filter(([, seconds]) => seconds >= minSeconds)
    .map(([name, seconds]) => `${name} ${((seconds / requests) * 1e3).toFixed(2)} ms`)
    .join(', ');
}
