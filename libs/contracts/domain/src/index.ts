export * from './lib/contracts-domain';
