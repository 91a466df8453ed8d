/** Where the shipped plan input schema (templates/plan.schema.json) is, and the `"$schema"` a plan file should carry to reach it. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const SCHEMA = join('templates', 'plan.schema.json');

/** The schema file of this installation: the first folder up from here holding templates/plan.schema.json. */
export function planSchemaFile(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, SCHEMA))) return join(dir, SCHEMA);
    if (dirname(dir) === dir) throw new Error(`${SCHEMA} is missing from the installation`);
  }
}

/**
 * The `"$schema"` value for a plan file in `folder`: the schema's path relative to it, with
 * forward slashes, so the file still finds it when the project moves —
 * `./node_modules/funnel-planner/templates/plan.schema.json` for a plan at the root of a project
 * that installed funnel-planner. A file URL when no relative path exists (another drive).
 */
export function planSchemaRef(folder: string): string {
  const file = planSchemaFile();
  const path = relative(resolve(folder), file);
  if (isAbsolute(path)) return pathToFileURL(file).href;
  const posix = path.split(sep).join('/');
  return posix.startsWith('../') ? posix : `./${posix}`;
}
