/**
 * Loads a user's controller module from a file: `.js`/`.mjs` by Node itself, `.ts`/`.mts` through
 * tsx (a dev dependency of kubeprop; install it beside kubeprop to grade TypeScript files). The
 * module's default export (or its export named `controller`) is the controller. Loading runs the
 * file: it is the user's own code, run with the user's rights (docs/controllers.md).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Controller } from './types.ts';

export class ControllerLoadError extends Error {
  override readonly name = 'ControllerLoadError';
}

export async function loadControllerFile(file: string): Promise<Controller> {
  const path = resolve(file);
  if (!existsSync(path)) throw new ControllerLoadError(`${file}: no such file`);
  const mod = (await importFile(path, file)) as { default?: unknown; controller?: unknown };
  const c = (mod.controller ?? mod.default) as Partial<Controller> | undefined;
  if (!c || typeof c !== 'object')
    throw new ControllerLoadError(`${file}: exports no controller (export default a controller object)`);
  if (typeof c.reconcile !== 'function')
    throw new ControllerLoadError(`${file}: the exported controller has no reconcile(key, client) function`);
  if (typeof c.kind !== 'string' || typeof c.name !== 'string')
    throw new ControllerLoadError(
      `${file}: the exported controller needs a name and a kind (e.g. kind: 'ReplicaSet')`,
    );
  return c as Controller;
}

async function importFile(path: string, file: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  if (!/\.(m|c)?ts$/.test(path)) return import(url);
  let tsImport: (specifier: string, parent: string) => Promise<unknown>;
  try {
    ({ tsImport } = (await import('tsx/esm/api')) as unknown as { tsImport: typeof tsImport });
  } catch {
    throw new ControllerLoadError(
      `${file}: loading a TypeScript file needs tsx (npm install --save-dev tsx), or give a .js file`,
    );
  }
  return tsImport(url, import.meta.url);
}
