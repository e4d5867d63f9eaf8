export * from './domain-error';
export * from './grpc-status';
export * from './problem';
export * from './storable-text';
export * from './unavailable';
