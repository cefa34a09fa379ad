// Runs one tool in its own Node process and measures it from the outside: wall time, CPU time and peak
// resident memory. Every tool pays its own start-up, as it does for a user.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const RSS_PRELOAD = fileURLToPath(new URL('../children/rss.cjs', import.meta.url));
const CHILD_TIMEOUT_MS = 20 * 60 * 1000;

let gnuTimeWorks;
/** GNU time reports the child's peak RSS; busybox and BSD `time` lack `-v`, so try it once. */
function haveGnuTime(scratch) {
  if (gnuTimeWorks === undefined) {
    const out = path.join(scratch, 'time-probe.txt');
    gnuTimeWorks = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', '-o', out, process.execPath, '-e', '0']).status === 0 &&
      /Maximum resident set size/.test(readFileSync(out, 'utf8'));
  }
  return gnuTimeWorks;
}

export function memoryProbe(scratch) {
  return haveGnuTime(scratch) ? '/usr/bin/time -v' : 'process.resourceUsage() in the child';
}

/**
 * `node <args>` in `cwd`. Returns {wallMs, cpuMs, maxRssMb, status, stdout, stderr}. Wall time is taken
 * around the spawn, the same way for every tool; the probe's own cost is a millisecond or two.
 */
export function runNode(args, { cwd, scratch, env = process.env, command: program = process.execPath }) {
  const probeFile = path.join(scratch, 'probe.txt');
  rmSync(probeFile, { force: true });
  const gnu = haveGnuTime(scratch);
  const command = gnu ? GNU_TIME : program;
  // Another program (ripgrep) is measured by GNU time only; without it its CPU and memory read NaN.
  const argv = gnu ? ['-v', '-o', probeFile, program, ...args] : program === process.execPath ? ['--require', RSS_PRELOAD, ...args] : args;
  const childEnv = gnu ? env : { ...env, BENCH_RSS_FILE: probeFile };
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: CHILD_TIMEOUT_MS });
  const wallMs = performance.now() - started;
  if (result.error) throw result.error;
  const usage = existsSync(probeFile) ? readFileSync(probeFile, 'utf8') : '';
  let maxRssMb = NaN;
  let cpuMs = NaN;
  if (gnu) {
    const num = (re) => Number(re.exec(usage)?.[1]);
    maxRssMb = num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024;
    cpuMs = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000;
  } else if (usage) {
    const u = JSON.parse(usage);
    maxRssMb = u.maxRSS / 1024;
    cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  }
  return { wallMs, cpuMs, maxRssMb, status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

export function median(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The spread of a set of runs: (max − min) ÷ median, as a percentage. */
export function spread(values) {
  const v = values.filter((x) => !Number.isNaN(x));
  if (v.length < 2) return NaN;
  return ((Math.max(...v) - Math.min(...v)) / median(v)) * 100;
}
