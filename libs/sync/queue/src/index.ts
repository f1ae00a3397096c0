export * from './lib/queue-backend';
