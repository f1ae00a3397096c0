import { signal } from '@angular/core';
import { type Problem, toProblem } from '@signet/console-data-access';

/** Loading, data and error state of one request, as signals; `reload()` runs it again. */
export function createLoader<T>(fetch: () => Promise<T>) {
  const data = signal<T | null>(null);
  const loading = signal(false);
  const problem = signal<Problem | null>(null);
  let sequence = 0;
  async function reload(): Promise<void> {
    const mine = ++sequence;
    loading.set(true);
    problem.set(null);
    try {
      const result = await fetch();
      if (mine === sequence) data.set(result);
    } catch (error) {
      if (mine === sequence) problem.set(toProblem(error));
    } finally {
      if (mine === sequence) loading.set(false);
    }
  }
  return { data: data.asReadonly(), loading: loading.asReadonly(), problem: problem.asReadonly(), reload };
}
