import type { FaultInjector } from '../faults';
import { createNetsuiteSim, type NetsuiteSim } from './netsuite-sim';
import { tbaFromEnv } from './tba-verifier';

export { createNetsuiteSim, type NetsuiteSim } from './netsuite-sim';

/** The simulator as `main.ts` mounts it: credentials from ERP_SIM_NETSUITE_* (defaults = the test stack's). */
export function netsuiteSimFromEnv(faults: FaultInjector, env: NodeJS.ProcessEnv): NetsuiteSim {
  const limit = Number(env['ERP_SIM_NETSUITE_CONCURRENCY'] || 5);
  return createNetsuiteSim(faults, { credentials: tbaFromEnv(env), concurrencyLimit: Number.isInteger(limit) && limit > 0 ? limit : 5 });
}
