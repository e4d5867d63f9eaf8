export * from './domain-error.filter';
export * from './grpc-client';
export * from './grpc-principal';
export * from './grpc-server-options';
export * from './loader-options';
