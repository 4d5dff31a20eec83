/**
 * Campaign power per mutant, as `kubeprop chaos --controller <c> --runs 300 --seed <s>` sees it:
 * the index of the first run the mutant fails (any violated invariant) and how many of the runs
 * fail, for every variant in the registries, at the given seeds. With `correct` it counts false
 * alarms. Usage: npx tsx scripts/campaign-power.ts [filter] [seeds, e.g. 1,2] [runs]
 */
import { CONTROLLERS } from '../src/controllers/registry.ts';
import { type CampaignController, generateScenario } from '../src/run/campaign.ts';
import { runScenario } from '../src/run/runScenario.ts';

const filter = process.argv[2] ?? '';
const seeds = (process.argv[3] ?? '1,2').split(',').map(Number);
const runs = Number(process.argv[4] ?? 300);
/** KUBEPROP_ALL_RUNS=1 counts every failing run instead of stopping at a mutant's first. */
const all = process.env.KUBEPROP_ALL_RUNS === '1';

for (const entry of CONTROLLERS) {
  const controller = entry.name as CampaignController;
  for (const mutant of Object.keys(entry.variants).sort()) {
    if (!`${controller}/${mutant}`.includes(filter)) continue;
    const cells: string[] = [];
    for (const seed of seeds) {
      let first = -1;
      let fails = 0;
      const ids = new Set<string>();
      for (let i = 0; i < runs; i++) {
        const s = generateScenario(controller, seed, i);
        const r = runScenario({ ...s, controllers: { [controller]: mutant } }, { keepTrace: false });
        if (r.outcome === 'pass') continue;
        fails++;
        if (first < 0) first = i + 1;
        for (const inv of r.invariants) if (inv.status === 'violated') ids.add(inv.id);
        if (mutant !== 'correct' && !all) break;
        if (mutant === 'correct')
          console.log(
            `  FALSE ALARM ${controller} seed ${seed} run ${i + 1}: ${r.outcome} ${[...r.invariants.filter((x) => x.status === 'violated').map((x) => x.id)].join(',')}`,
          );
      }
      cells.push(
        `seed ${seed}: first ${first} fails ${fails}${all || mutant === 'correct' ? `/${runs}` : ''} [${[...ids].sort().join(',')}]`,
      );
    }
    console.log(`${controller}/${mutant}\t${cells.join('\t')}`);
  }
}
