export * from './lib/mail-capture';
