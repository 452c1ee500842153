// Type-checks every dashboard of ../grafana/dashboards against @grafana/schema's Dashboard type
// with tsc --strict: each JSON file becomes an object literal typed as a Dashboard (so literal
// fields such as a variable's type are checked against their unions), then tsc runs on them.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const dashboards = join(here, '..', 'grafana', 'dashboards');
const out = join(here, 'build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const files = readdirSync(dashboards).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  throw new Error('no dashboards in ' + dashboards);
}
for (const f of files) {
  const json = readFileSync(join(dashboards, f), 'utf8');
  JSON.parse(json); // valid JSON first, with a clear error
  writeFileSync(
    join(out, f.replace(/\.json$/, '.ts')),
    "import type { Dashboard } from '@grafana/schema';\n\n" +
      'export const dashboard: Dashboard = ' + json.trim() + ';\n',
  );
}
execFileSync(
  process.execPath,
  [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '--project', join(here, 'tsconfig.json')],
  { stdio: 'inherit' },
);
console.log(`dashboards: ${files.length} of ${files.length} type-check against @grafana/schema`);
