export * from './lib/test-env';
export * from './lib/processes';
export * from './lib/api-client';
export * from './lib/stack';
export * from './lib/redis-server';
export * from './lib/erp-inspection';
export * from './lib/sync-ledger';
export * from './lib/order-factory';
