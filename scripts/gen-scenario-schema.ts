/**
 * Writes schema/scenario.schema.json: `npx tsx scripts/gen-scenario-schema.ts`.
 *
 * The schema is built by src/scenario/schema.ts from the definitions the parser uses (key tables,
 * each fault kind's declared fields, sim defaults); test/scenario/schema.test.ts fails when the
 * committed file differs from what this writes, so rerun it after adding a fault kind or a key.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenarioSchemaText } from '../src/scenario/schema.ts';

export const SCHEMA_PATH = resolve(import.meta.dirname, '..', 'schema', 'scenario.schema.json');

writeFileSync(SCHEMA_PATH, scenarioSchemaText());
console.log(`wrote ${SCHEMA_PATH}`);
