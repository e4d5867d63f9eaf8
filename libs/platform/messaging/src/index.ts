export * from './connection';
export * from './inbox-consumer';
export * from './messaging-tables.migration';
export * from './namespace';
export * from './outbox';
export * from './outbox-relay';
export * from './streams';
export * from './retention';
