export * from './factory';
export * from './test-database';
export * from './test-messaging';
export * from './test-data';
export * from './event-factories';
export * from './credit-record-body';
export * from './pdf-pages';
