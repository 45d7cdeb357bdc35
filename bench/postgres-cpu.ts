import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds the local PostgreSQL has used (every `postgres` process: user + system, and the
 * postmaster's reaped children, so backends that have exited still count). Cluster-wide: other
 * sessions' queries count too. NaN where /proc is not there.
 */
export function postgresCpuSeconds(): number {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (stat.slice(open + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' '); // fields[0] is the state (field 3)
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      ticks += utime + stime + cutime + cstime;
    }
    return ticks / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
