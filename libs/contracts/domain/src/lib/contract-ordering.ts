import type { Contract } from './contract-model';

/** Contracts are listed by end date, then start date, then creation. */
export function compareContracts(a: Contract, b: Contract): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.sequence - b.sequence;
}

export function sortContracts(contracts: readonly Contract[]): Contract[] {
  return [...contracts].sort(compareContracts);
}
