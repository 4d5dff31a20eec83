/**
 * Writes schema/scenario.schema.json and the event-kind reference in docs/scenarios.md:
 * `npx tsx scripts/gen-scenario-schema.ts`.
 *
 * Both are built from the definitions the parser uses (src/scenario/schema.ts: key tables, each
 * fault kind's declared fields, sim defaults; src/scenario/eventDocs.ts: each fault kind's fields,
 * summary and example). test/scenario/schema.test.ts fails when a committed file differs from what
 * this writes, so rerun it after adding a fault kind or a key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withEventReference } from '../src/scenario/eventDocs.ts';
import { scenarioSchemaText } from '../src/scenario/schema.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCHEMA_PATH = resolve(ROOT, 'schema', 'scenario.schema.json');
const DOCS_PATH = resolve(ROOT, 'docs', 'scenarios.md');

writeFileSync(SCHEMA_PATH, scenarioSchemaText());
console.log(`wrote ${SCHEMA_PATH}`);
writeFileSync(DOCS_PATH, withEventReference(readFileSync(DOCS_PATH, 'utf8')));
console.log(`wrote the event reference in ${DOCS_PATH}`);
