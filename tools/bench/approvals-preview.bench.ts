/**
 * Benchmark (on demand, never part of `npm test`): approval preview through the API on a local
 * stack — the built api against a fresh PostgreSQL database — for a 10,000-line quote against
 * 200 rules and 12 variables, with a 100-line quote measured in the same run as the baseline.
 *
 *   npx nx build api && npm run bench            (BENCH_RUNS=20 for more samples)
 */
import { performance } from 'node:perf_hooks';
import { type Stack, startStack, type TestClient } from '@signet/testing';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 10);
const FAMILIES = ['License', 'Hardware', 'Services', 'Support', 'Training'];
const today = new Date().toISOString().slice(0, 10);

async function must<T>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const response = await promise;
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  return response.body;
}

async function setUp(stack: Stack): Promise<{ rep: TestClient; accountId: string }> {
  const admin = stack.admin;
  const approvers: string[] = [];
  for (let i = 0; i < 6; i++) {
    const u = await must(admin.post<{ id: string }>('/api/users', { email: `bench-approver-${i}@bench.test`, displayName: `Approver ${i}`, password: 'bench-password', roles: ['approver'] }), 'user');
    approvers.push(u.id);
  }
  const rep = await must(admin.post<{ id: string }>('/api/users', { email: 'bench-rep@bench.test', displayName: 'Rep', password: 'bench-password', roles: ['sales'] }), 'rep');
  await admin.patch(`/api/users/${rep.id}`, { managerId: approvers[0] });
  const group = await must(admin.post<{ id: string }>('/api/groups', { name: 'Bench desk', memberIds: approvers.slice(1, 5) }), 'group');
  const account = await must(admin.post<{ id: string }>('/api/accounts', { name: 'Bench account' }), 'account');
  for (const [i, family] of FAMILIES.entries()) {
    for (let p = 0; p < 4; p++) {
      await must(admin.post('/api/products', { sku: `${family.slice(0, 3).toUpperCase()}-${p}`, name: `${family} ${p}`, family, chargeType: i % 2 ? 'recurring' : 'one-time', listPrice: `${100 + p * 50}.00`, ...(i % 2 ? { termMonths: 12 } : {}) }), 'product');
    }
  }
  for (const family of FAMILIES) {
    await must(admin.post('/api/approval-variables', { name: `net${family}`, function: 'sum', field: 'netTotal', where: [{ field: 'family', op: 'eq', value: family }] }), 'variable');
    await must(admin.post('/api/approval-variables', { name: `disc${family}`, function: 'discount', where: [{ field: 'family', op: 'eq', value: family }] }), 'variable');
  }
  await must(admin.post('/api/approval-variables', { name: 'lines', function: 'count' }), 'variable');
  await must(admin.post('/api/approval-variables', { name: 'maxDiscount', function: 'max', field: 'discountPercent' }), 'variable');
  const approverOf = (i: number) =>
    i % 4 === 0 ? { type: 'group', groupId: group.id, mode: i % 8 === 0 ? 'all' : 'quorum', ...(i % 8 === 0 ? {} : { quorum: 2 }) } : i % 4 === 1 ? { type: 'managerOf', field: 'quote.ownerId' } : { type: 'user', userId: approvers[i % approvers.length] };
  for (let i = 0; i < 200; i++) {
    const family = FAMILIES[i % FAMILIES.length];
    const conditions = [
      { index: 1, tested: `var.disc${family}`, op: 'gt', value: 5 + (i % 30), smart: true },
      { index: 2, tested: `var.net${family}`, op: 'ge', value: 1000 * (1 + (i % 50)) },
      { index: 3, tested: 'quote.discountPercent', op: 'gt', value: i % 40 },
      { index: 4, tested: 'var.maxDiscount', op: 'ge', value: 10 + (i % 25) },
    ];
    await must(
      admin.post('/api/approval-rules', {
        name: `Rule ${i + 1}`,
        chain: family,
        step: 1 + (i % 4),
        approver: approverOf(i),
        conditionsMet: i % 3 === 0 ? 'custom' : i % 3 === 1 ? 'all' : 'any',
        ...(i % 3 === 0 ? { logic: '(1 AND 2) OR (3 AND NOT 4)' } : {}),
        conditions,
      }),
      `rule ${i + 1}`,
    );
  }
  return { rep: await stack.api.login('bench-rep@bench.test', 'bench-password'), accountId: account.id };
}

async function quoteOf(rep: TestClient, accountId: string, lines: number): Promise<string> {
  const skus = FAMILIES.flatMap((f) => [0, 1, 2, 3].map((p) => `${f.slice(0, 3).toUpperCase()}-${p}`));
  const body = {
    name: `Bench ${lines}`,
    accountId,
    startDate: today,
    lines: Array.from({ length: lines }, (_, i) => ({ sku: skus[i % skus.length], quantity: String(1 + (i % 7)), discountPercent: String(i % 35) })),
  };
  return (await must(rep.post<{ id: string }>('/api/quotes', body), `quote of ${lines} lines`)).id;
}

async function time(rep: TestClient, quoteId: string): Promise<{ median: number; p95: number; min: number; requests: number }> {
  await must(rep.get(`/api/quotes/${quoteId}/approvals/preview`), 'warm-up');
  const samples: number[] = [];
  let requests = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const preview = await must(rep.get<{ levels: { requests: unknown[] }[] }>(`/api/quotes/${quoteId}/approvals/preview`), 'preview');
    samples.push(performance.now() - started);
    requests = preview.levels.reduce((n, l) => n + l.requests.length, 0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)], min: samples[0], requests };
}

async function main(): Promise<void> {
  const stack = await startStack('bench', { connector: false });
  try {
    console.log('Setting up 200 rules, 12 variables, a 100-line and a 10,000-line quote…');
    const { rep, accountId } = await setUp(stack);
    const small = await quoteOf(rep, accountId, 100);
    const large = await quoteOf(rep, accountId, 10_000);
    const baseline = await time(rep, small);
    const big = await time(rep, large);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`runs per quote: ${RUNS}`);
    console.log(`preview   100 lines × 200 rules: median ${ms(baseline.median)}, p95 ${ms(baseline.p95)}, min ${ms(baseline.min)} (${baseline.requests} requests planned)`);
    console.log(`preview 10000 lines × 200 rules: median ${ms(big.median)}, p95 ${ms(big.p95)}, min ${ms(big.min)} (${big.requests} requests planned)`);
    console.log(`ratio 10000 / 100 lines (median): ${(big.median / baseline.median).toFixed(1)}×`);
    const started = performance.now();
    await must(rep.post(`/api/quotes/${large}/approvals/submit`), 'submit');
    console.log(`submit 10000 lines × 200 rules: ${ms(performance.now() - started)}`);
    console.log(big.median < 1000 ? 'OK: the 10,000-line preview is well under a second.' : 'SLOW: the 10,000-line preview took a second or more.');
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
