export * from './lib/sync-contracts';
