import { protoRoot } from '@contracts';
import type { Options } from '@grpc/proto-loader';

/**
 * One set of proto-loader options for servers and clients, agreeing with the ts-proto options
 * in buf.gen.yaml (ENGINEERING.md): camelCase fields, int64 as string, enums as names,
 * defaults filled in, flat oneofs.
 */
export function loaderOptions(): Options {
  return { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] };
}

/** The standard gRPC health protocol, from the proto grpc-health-check ships. */
export const HEALTH_PROTO = {
  package: 'grpc.health.v1',
  protoPath: require.resolve('grpc-health-check/proto/health/v1/health.proto'),
};

/** Batches are up to 20 MiB of NDJSON (API.md); gRPC's default limit is 4 MiB. */
export const MAX_GRPC_MESSAGE_BYTES = 32 * 1024 * 1024;
