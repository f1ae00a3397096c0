export * from './lib/test-env';
export * from './lib/processes';
export * from './lib/api-client';
export * from './lib/stack';
export * from './lib/edmx';
