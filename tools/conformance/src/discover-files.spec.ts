import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { discoverFiles } from './discover-files';

describe('discoverFiles', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'conformance-'));
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    mkdirSync(join(root, 'a'));
    for (const file of [
      'b/02.json',
      'b/deep/01.json',
      'a/10.json',
      'a/09.json',
      'a/readme.md',
    ]) {
      writeFileSync(join(root, file), '{}');
    }
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks folders recursively for *.json, sorted, in argument order', () => {
    const files = discoverFiles(['b', 'a'], root).map((f) =>
      relative(root, f.path),
    );
    expect(files).toEqual([
      'b/02.json',
      'b/deep/01.json',
      'a/09.json',
      'a/10.json',
    ]);
  });

  it('takes files as given and reports missing paths', () => {
    expect(
      discoverFiles(['a/readme.md', 'nope'], root).map((f) => [
        relative(root, f.path),
        f.missing ?? false,
      ]),
    ).toEqual([
      ['a/readme.md', false],
      ['nope', true],
    ]);
  });
});
