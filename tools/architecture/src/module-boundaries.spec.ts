import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * Proves the lint rules of docs/architecture.md bite: the same check `npm test` runs in its
 * lint step, applied to probe files placed (virtually) inside each kind of library.
 */
const ROOT = resolve(__dirname, '../../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Runs the real ESLint CLI on a source text as if it were the given file of the repository. */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', join(ROOT, file), '--format', 'json'], {
    cwd: ROOT,
    input: source,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (!result.stdout) throw new Error(`eslint printed nothing: ${result.stderr}`);
  const [report] = JSON.parse(result.stdout) as { messages: LintMessage[] }[];
  return (report?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it.each([
    ['@nestjs/common', "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n"],
    ['typeorm', "import { Entity } from 'typeorm';\nexport const probe = Entity;\n"],
    ['bullmq', "import { Queue } from 'bullmq';\nexport const probe = Queue;\n"],
    ['ioredis', "import IORedis from 'ioredis';\nexport const probe = IORedis;\n"],
    ['@angular/core', "import { signal } from '@angular/core';\nexport const probe = signal;\n"],
    ['axios', "import axios from 'axios';\nexport const probe = axios;\n"],
  ])('fails lint when a domain library imports %s', async (pkg, source) => {
    const errors = await boundaryErrors('libs/orders/domain/src/lib/boundary-probe.ts', source);
    expect(errors.join('\n')).toContain(pkg);
  });

  it('fails lint when a domain library imports a data-access library', async () => {
    const errors = await boundaryErrors('libs/approvals/domain/src/lib/boundary-probe.ts', "import { configureQueueBackend } from '@signet/sync-queue';\nexport const probe = configureQueueBackend;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('fails lint when one domain scope imports another it must not know', async () => {
    const errors = await boundaryErrors('libs/orders/domain/src/lib/boundary-probe.ts', "import { applyApprovalAction } from '@signet/approvals-domain';\nexport const probe = applyApprovalAction;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('accepts a domain library importing the shared kernel', async () => {
    const errors = await boundaryErrors('libs/orders/domain/src/lib/boundary-probe.ts', "import { Decimal } from '@signet/shared-kernel';\nexport const probe = Decimal;\n");
    expect(errors).toEqual([]);
  });
});
