export * from './lib/approvals-domain';
