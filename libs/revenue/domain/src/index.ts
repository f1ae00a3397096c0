export * from './lib/revenue-model';
export * from './lib/allocate-by-ssp';
export * from './lib/recognize';
export * from './lib/revenue-report';
