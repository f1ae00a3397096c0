import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DiscoveredFile {
  readonly path: string;
  /** Set when the argument named nothing that exists. */
  readonly missing?: boolean;
}

/**
 * Expands file and folder arguments into scenario files: a folder is walked recursively for
 * `*.json` (sorted by path); a file is taken as given; a path that does not exist is reported.
 */
export function discoverFiles(
  paths: readonly string[],
  cwd: string,
): DiscoveredFile[] {
  const files: DiscoveredFile[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      files.push({ path, missing: true });
      continue;
    }
    if (isDirectory)
      files.push(
        ...walk(path)
          .sort()
          .map((p) => ({ path: p })),
      );
    else files.push({ path });
  }
  return files;
}

function walk(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...walk(path));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
  }
  return found;
}
