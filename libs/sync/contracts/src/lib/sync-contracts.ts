export function syncContracts(): string {
  return 'sync-contracts';
}
