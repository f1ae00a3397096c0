export * from './lib/decimal';
export * from './lib/money';
export * from './lib/local-date';
export * from './lib/result';
export * from './lib/state-machine';
