export * from './lib/queue-names';
export * from './lib/job-defaults';
export * from './lib/payloads';
export * from './lib/sync-events';
export * from './lib/inbound-facts';
