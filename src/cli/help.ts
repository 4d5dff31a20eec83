/** `--help` texts, one per command (design.md §3). */
import { TOOLKIT_VERSION } from '../version.ts';

const EXIT_CODES = `Exit codes:
  0  every checked invariant held and the scenario's expect was met
  1  an invariant was violated or expect was not met
  2  bad input (one line on stderr: file:line:col: what is wrong; nothing written)
  3  internal error`;

export const HELP: Readonly<Record<string, string>> = {
  lab: `Usage: kubeprop lab <workload> <file> [--runs N] [--report-dir DIR]

Grades your own controller for a workload (labs: replicaset, daemonset) under chaos: N runs (default 300), each
with its own seed, against the workload's invariants. Prints "passed N runs", or the first violated
invariant with why it matters, the shrunk counterexample's events and the report's path (exit 1).
The file (.js, or .ts with tsx installed) is your own code, run with your rights: docs/controllers.md.`,

  kubeprop: `kubeprop ${TOOLKIT_VERSION}: check Kubernetes workload controllers against their guarantees under seeded chaos

Usage:
  kubeprop run <scenario.yaml | folder>... [--seed N] [--report DIR] [--format json,md,html] [--lang en|ko]
              [--files-root DIR] [--reporter junit|json|github] [--output-file PATH] [-o json]
  kubeprop chaos [--controller replicaset|daemonset|statefulset|all] [--runs N] [--seed N] [--report DIR]
                [--workers N] [--shard I/N] [--duration 10m] [--resume SUMMARY] [--summary FILE]
  kubeprop merge <summary.json | folder>... [--summary FILE]
  kubeprop replay <file.replay.json>
  kubeprop explain [<invariant-id>] [--lang en|ko]
  kubeprop campaign [--report DIR]        (what npm start runs)
  kubeprop lab <workload> <controller.ts> [--runs N] [--report-dir DIR]   (grade your own controller)

Run "kubeprop <command> --help" for the options of a command.

${EXIT_CODES}`,

  run: `Usage: kubeprop run <scenario.yaml | folder | 'glob'>... [options]

Runs each scenario in the simulated cluster and checks its invariants (a folder: its *.yaml files in
name order; a quoted glob such as 'scenarios/**/*.yaml': the files it matches, sorted). Prints one
verdict line per scenario; a failing run also writes a .replay.json and prints the command that
replays it. Every file and the report folder are checked before anything
runs, so bad input writes nothing. The scenario format: docs/scenarios.md. A scenario whose
spec.controllers names a controller file (replicaset: ./my-rs.ts, next to the scenario) runs that
file, your own code with your rights (docs/controllers.md).

Options:
  --seed N              override the scenario's seed (0 to 4294967295)
  --report DIR          where reports go: DIR/<scenario>/<seed>/report.{json,md,html} (default: reports)
  --format LIST         comma-separated report formats: json, md, html (default: json,md,html)
  --lang en|ko          report language (default: en)
  --shrink              shrink a failing run to a minimal event list (at most 200 re-runs) and
                        write it beside its replay file as a .shrunk.replay.json
  --files-root DIR      let files: also read manifests under DIR (default: only the scenario's folder)
  --allow-controller-path P
                        a controller file, or a folder of them, outside the scenario's folder that
                        spec.controllers may name; repeatable (default: only the scenario's folder)
  --reporter NAME       CI report after the run: junit, json or github (GitHub Actions annotations at
                        the scenario file and line); repeatable, or a comma-separated list
  --output-file PATH    write the reporter's output to PATH instead of stdout; with several
                        reporters name one: --output-file junit=PATH
  -o, --output json     the verdicts as one JSON document on stdout (the verdict lines go to stderr)
  -h, --help            show this help

${EXIT_CODES}`,

  chaos: `Usage: kubeprop chaos [options]

Generates random scenarios from one seed (a small cluster, one workload, random faults), runs them
and prints a summary: runs, violations by invariant, the failing runs with their seeds, the slowest
run. Failing runs get a report and a .replay.json, and are shrunk to a minimal event list (delta
debugging: re-runs with fewer events that still break the same invariant) written beside it as a
.shrunk.replay.json. A shard, a campaign stopped early and one given --summary also write the
summary as a file, which kubeprop merge combines across shards and --resume continues from.

Options:
  --controller NAME     replicaset, daemonset, statefulset, deployment or all (default: all)
  --runs N              how many scenarios (default: 50; with only --duration: until the time is spent)
  --seed N              campaign seed (default: 1); the same seed gives the same campaign
  --report DIR          where failing runs' reports go (default: reports)
  --shrink-runs N       re-runs a failing run's shrink may spend (default: 200; 0: do not shrink)
  --workers N           worker threads (default: one per core); results do not depend on it
  --shard I/N           run only the runs whose index is I modulo N (I from 0 to N-1), e.g. one
                        machine or CI job of N; combine the shards' summaries with kubeprop merge
  --duration D          stop starting runs after D of wall time (e.g. 10m, 1h30m)
  --resume SUMMARY      continue the campaign of a summary file (interrupted, or stopped by
                        --duration); the final summary equals one uninterrupted run's
  --summary FILE        where the summary file goes (default: DIR/chaos-summary.json, with --shard
                        DIR/chaos-summary.shard-I-of-N.json, with --resume the resumed file)
  -h, --help            show this help

Ctrl-C (SIGINT) or SIGTERM stops handing out runs, lets the ones handed out finish (a worker
holds its run and the next; a second signal abandons them), prints and writes the summary of the
runs done and exits 130.

${EXIT_CODES}
  130 stopped by SIGINT or SIGTERM (the summary file says which runs are left)`,

  merge: `Usage: kubeprop merge <summary.json | folder>... [--summary FILE]

Combines the summary files of a campaign's shards (kubeprop chaos --shard I/N on N machines) into
the summary of one unsharded run: the same counts, violations by invariant and failing runs with
their seeds. A folder stands for the chaos-summary.shard-*-of-*.json files in it. Every shard
must be there once, from the same campaign and kubeprop version.

Options:
  --summary FILE        where the merged summary goes (default: chaos-summary.json beside the first file)
  -h, --help            show this help

${EXIT_CODES}`,

  replay: `Usage: kubeprop replay <file.replay.json> [--allow-controller-path P]...

Re-runs a recorded run with its scenario and seed and says "replayed exactly" or "diverged at step K"
(with the recorded and the new event at K). A file from another kubeprop version, or one edited
after it was written, is refused (exit 2). Exits like run otherwise. A run of controller files
replays only when --allow-controller-path names each file (or its folder): a replay file alone
never makes kubeprop import code.

Options:
  --allow-controller-path P
                        a controller file, or a folder of them, the replayed run may import; repeatable
  -h, --help            show this help`,

  explain: `Usage: kubeprop explain [<invariant-id>] [--lang en|ko]

Prints what an invariant claims and why it matters, e.g. kubeprop explain statefulset.at-most-one.
With no id, lists every invariant id.

Options:
  --lang en|ko          language (default: en)
  -h, --help            show this help`,

  campaign: `Usage: kubeprop campaign [--report DIR]

What "npm start" runs: every scenario under scenarios/, then a short random chaos campaign over all
controllers. Reports go to DIR (default: reports).

Options:
  --report DIR          report directory (default: reports)
  --files-root DIR      let files: also read manifests under DIR (default: only the scenario's folder)
  --runs N              runs of the random campaign (default: 30)
  --seed N              seed of the random campaign (default: 1)
  -h, --help            show this help

${EXIT_CODES}`,
};
