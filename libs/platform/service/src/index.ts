export * from './event-consumers';
export * from './health-state';
export * from './outbox-publisher';
export * from './run-service';
export * from './service-core.module';
export * from './service-definition';
export * from './tokens';
export * from './migrate';
