export * from './lib/queue-names';
export * from './lib/job-defaults';
export * from './lib/payloads';
