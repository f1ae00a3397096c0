export * from './lib/business-calendar';
export * from './lib/clock-time';
export * from './lib/default-templates';
export * from './lib/field-error';
export * from './lib/link-token';
export * from './lib/render-template';
export * from './lib/template-context';
