export * from './lib/generated/api';
export * from './lib/generated/functions';
export * from './lib/generated/models';
export * from './lib/auth/auth-store';
export * from './lib/auth/auth.interceptor';
export * from './lib/http/problem';
export * from './lib/provide-signet-api';
