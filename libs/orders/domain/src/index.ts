export * from './lib/orders-domain';
