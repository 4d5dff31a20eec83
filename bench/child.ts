/**
 * Runs one benchmark function in a process of its own and prints its results as JSON on the last
 * line: `node --import tsx bench/child.ts <module> <export>`. A figure such as a peak resident set
 * is the process's high-water mark, which other suites in the same process would have set already.
 */
import type { BenchResult } from './util.ts';

const [file, fn] = process.argv.slice(2);
const mod = (await import(`./${file}`)) as Record<string, () => BenchResult[] | Promise<BenchResult[]>>;
const run = mod[fn ?? ''];
if (!run) throw new Error(`bench/${file} exports no ${fn}`);
console.log(JSON.stringify(await run()));
