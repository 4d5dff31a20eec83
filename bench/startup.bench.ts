/**
 * Start-up and package figures (issue #14): wall time of `kubeprop --help`, `kubeprop explain <id>`
 * and a small `kubeprop run`, the old way (the bin registers tsx and compiles the TypeScript
 * sources at start-up: KUBEPROP_RUN_FROM=src) and the built way (dist/, what an installed package
 * runs: KUBEPROP_RUN_FROM=dist), both in the same run; and the tarball's size and file count from
 * `npm pack --dry-run --json`. Builds dist/ first (the whole build, .d.ts included, as packed). Node's
 * own start-up (`node -e 0`) is measured alongside: on a busy machine every figure moves with it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, median } from './util.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/kubeprop.js');
const RUNS = Number(process.env.KUBEPROP_STARTUP_RUNS ?? 15);
const SCENARIO = 'test/api/fixtures/rs-pass.yaml';

/** Median wall ms of `node bin/kubeprop.js ...args` over RUNS runs, after one warm-up. */
function wallMs(from: 'src' | 'dist' | 'checkout', args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      // `checkout`: the bin decides, after checking that no source is newer than the build.
      env: { ...process.env, KUBEPROP_RUN_FROM: from === 'checkout' ? '' : from },
      stdio: 'ignore',
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`kubeprop ${args.join(' ')} exited ${r.status} (from ${from})`);
    if (i > 0) times.push(ms);
  }
  return Math.round(median(times));
}

/** Median wall ms of `node -e 0`: the floor under every figure above. */
function nodeMs(): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return Math.round(median(times));
}

interface Pack {
  size: number;
  unpackedSize: number;
  entryCount: number;
}

function tarball(): Pack {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as Pack[])[0]!;
}

export async function benchStartup(): Promise<BenchResult[]> {
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const reports = mkdtempSync(join(tmpdir(), 'kubeprop-startup-'));
  const commands: Array<[string, string[]]> = [
    ['help', ['--help']],
    ['explain', ['explain', 'statefulset.at-most-one']],
    ['run', ['run', SCENARIO, '--report', reports, '--format', 'json']],
  ];
  const out: BenchResult[] = [
    { name: 'startup.node_ms', value: nodeMs(), unit: 'ms', detail: `node -e 0 (median of ${RUNS})` },
  ];
  for (const [name, args] of commands) {
    const src = wallMs('src', args);
    const dist = wallMs('dist', args);
    const what = `kubeprop ${args.slice(0, 2).join(' ')}`;
    out.push(
      {
        name: `startup.${name}.source_ms`,
        value: src,
        unit: 'ms',
        detail: `${what} through tsx (median of ${RUNS})`,
      },
      {
        name: `startup.${name}.built_ms`,
        value: dist,
        unit: 'ms',
        detail: `${what} from dist/ (median of ${RUNS})`,
      },
    );
  }
  out.push({
    name: 'startup.help.checkout_ms',
    value: wallMs('checkout', ['--help']),
    unit: 'ms',
    detail: `kubeprop --help in this checkout: dist/ after checking src/ is not newer (median of ${RUNS})`,
  });
  const pack = tarball();
  out.push(
    {
      name: 'package.tarball_kb',
      value: Math.round(pack.size / 1024),
      unit: 'KiB',
      detail: 'npm pack, gzipped',
    },
    { name: 'package.unpacked_kb', value: Math.round(pack.unpackedSize / 1024), unit: 'KiB' },
    { name: 'package.files', value: pack.entryCount, unit: 'files' },
  );
  return out;
}
