#!/usr/bin/env node
// Regenerates apps/api/openapi.json from the API's decorators and the console's client from it.
// Usage: npm run openapi            (builds the api first)
//        npm run openapi -- --check (fails when the committed files are out of date)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const check = process.argv.includes('--check');
const skipBuild = process.argv.includes('--skip-build');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };

function run(cmd, args, cwd = root) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const specPath = join(root, 'apps/api/openapi.json');
const before = check ? readFileSync(specPath, 'utf8') : '';
if (!skipBuild) run('npx', ['nx', 'build', 'api', '--output-style=static']);
run(process.execPath, [join(root, 'dist/apps/api/main.js'), '--emit-openapi', specPath]);
run(process.execPath, [join(root, 'node_modules/ng-openapi-gen/lib/index.js'), '-c', 'ng-openapi-gen.json'], join(root, 'tools/openapi'));
if (check) {
  const diff = spawnSync('git', ['diff', '--exit-code', '--stat', '--', 'apps/api/openapi.json', 'libs/console/data-access/src/lib/generated'], { cwd: root, stdio: 'inherit' });
  const untracked = spawnSync('git', ['ls-files', '--others', '--exclude-standard', 'libs/console/data-access/src/lib/generated'], { cwd: root, encoding: 'utf8' });
  if (diff.status !== 0 || untracked.stdout.trim() || readFileSync(specPath, 'utf8') !== before) {
    console.error('openapi.json or the generated console client is out of date: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('openapi.json and the console client are up to date.');
}
