// Run in a separate process by controller.test.ts: prints the trace digest of one async-controller run.

import correct from '../../labs/replicaset/solution-correct.ts';
import { runWithControllers } from '../../src/api/controllers.ts';
import { loadScenario } from '../../src/api/scenario.ts';

const scenario = loadScenario(process.argv[2]!);
const result = await runWithControllers(scenario, { controllers: { replicaset: correct } });
process.stdout.write(`${result.traceDigest}\n`);
