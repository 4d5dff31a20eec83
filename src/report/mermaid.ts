/**
 * A controller's state machine as a Mermaid `stateDiagram-v2` (renders on GitHub), with the
 * states the run visited in one class and the rest in another, and visited transitions marked ✓.
 */
import { type MachineCoverage, transitionKey } from './analysis.ts';
import { escapeMermaidLabel, fenced, mermaidId } from './escape.ts';

const VISITED_STYLE = 'fill:#d1fae5,stroke:#047857,stroke-width:3px,color:#064e3b';
const UNVISITED_STYLE = 'fill:#f3f4f6,stroke:#9ca3af,color:#6b7280,stroke-dasharray:4';

/** The Mermaid source (without the fence) of one machine with its coverage. */
export function mermaidStateDiagram(cov: MachineCoverage): string {
  const { graph } = cov;
  const lines = ['stateDiagram-v2', '  direction LR'];
  for (const s of graph.states) lines.push(`  state "${escapeMermaidLabel(s)}" as ${mermaidId(s)}`);
  lines.push(`  [*] --> ${mermaidId(graph.initial)}`);
  for (const tr of graph.transitions) {
    const count = cov.visitedTransitions.get(transitionKey(tr));
    const label =
      count === undefined ? escapeMermaidLabel(tr.event) : `✓ ${escapeMermaidLabel(tr.event)} ×${count}`;
    lines.push(`  ${mermaidId(tr.from)} --> ${mermaidId(tr.to)} : ${label}`);
  }
  lines.push(`  classDef visited ${VISITED_STYLE}`);
  lines.push(`  classDef unvisited ${UNVISITED_STYLE}`);
  const visited = graph.states.filter((s) => cov.visitedStates.has(s)).map((s) => mermaidId(s));
  const unvisited = graph.states.filter((s) => !cov.visitedStates.has(s)).map((s) => mermaidId(s));
  if (visited.length > 0) lines.push(`  class ${visited.join(',')} visited`);
  if (unvisited.length > 0) lines.push(`  class ${unvisited.join(',')} unvisited`);
  return lines.join('\n');
}

/** The diagram as a fenced ```mermaid block. */
export function mermaidBlock(cov: MachineCoverage): string {
  return fenced(mermaidStateDiagram(cov), 'mermaid');
}
