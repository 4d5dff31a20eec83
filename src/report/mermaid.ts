/**
 * A controller's state machine as a Mermaid `stateDiagram-v2` (renders on GitHub): the states the
 * run visited and the transitions it took, each with the times taken, as the HTML figure shows by
 * default (the whole machine would bury a short run's path under moves never made).
 */
import { type MachineCoverage, transitionKey } from './analysis.ts';
import { escapeMermaidLabel, fenced, mermaidId } from './escape.ts';

const VISITED_STYLE = 'fill:#d1fae5,stroke:#047857,stroke-width:3px,color:#064e3b';

/** The Mermaid source (without the fence) of one machine with its coverage. */
export function mermaidStateDiagram(cov: MachineCoverage): string {
  const { graph } = cov;
  const lines = ['stateDiagram-v2', '  direction LR'];
  const states = graph.states.filter((s) => s === graph.initial || cov.visitedStates.has(s));
  for (const s of states) lines.push(`  state "${escapeMermaidLabel(s)}" as ${mermaidId(s)}`);
  lines.push(`  [*] --> ${mermaidId(graph.initial)}`);
  for (const tr of graph.transitions) {
    const count = cov.visitedTransitions.get(transitionKey(tr));
    if (count === undefined) continue;
    lines.push(`  ${mermaidId(tr.from)} --> ${mermaidId(tr.to)} : ${escapeMermaidLabel(tr.event)} ×${count}`);
  }
  lines.push(`  classDef visited ${VISITED_STYLE}`);
  const visited = states.filter((s) => cov.visitedStates.has(s)).map((s) => mermaidId(s));
  if (visited.length > 0) lines.push(`  class ${visited.join(',')} visited`);
  return lines.join('\n');
}

/** The diagram as a fenced ```mermaid block. */
export function mermaidBlock(cov: MachineCoverage): string {
  return fenced(mermaidStateDiagram(cov), 'mermaid');
}
