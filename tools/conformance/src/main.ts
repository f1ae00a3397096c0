import { relative, resolve } from 'node:path';
import { discoverFiles } from './discover-files';
import { formatScenario, formatSummary, tally } from './report';
import { runFile } from './run-file';

/**
 * Conformance runner: `node -r @swc-node/register tools/conformance/src/main.ts [paths…]`.
 * Paths are scenario files or folders (walked for `*.json`); with none, the shared
 * conformance folder next to the repository. Exits 1 when any scenario failed.
 */
export function main(args: readonly string[], cwd: string): number {
  const repositoryRoot = resolve(__dirname, '..', '..', '..');
  const paths =
    args.length > 0
      ? args
      : [resolve(repositoryRoot, '..', 'shared', 'conformance')];
  const results = discoverFiles(paths, cwd).map((file) =>
    runFile(file, relative(cwd, file.path) || file.path),
  );
  for (const result of results)
    for (const line of formatScenario(result)) console.log(line);
  const counts = tally(results);
  console.log(formatSummary(counts));
  return counts.failed > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.cwd());
}
