import { GrpcOptions, Transport } from '@nestjs/microservices';
import { ReflectionService } from '@grpc/reflection';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { Server } from '@grpc/grpc-js';
import { HEALTH_PROTO, loaderOptions, MAX_GRPC_MESSAGE_BYTES } from './loader-options';

export interface ProtoPackageRef {
  package: string;
  protoPath: string;
}

/** Nest gRPC transport options: the service's packages plus health, with server reflection. */
export function grpcServerOptions(url: string, packages: readonly ProtoPackageRef[]): GrpcOptions {
  const all = [HEALTH_PROTO, ...packages];
  return {
    transport: Transport.GRPC,
    options: {
      url,
      package: all.map((p) => p.package),
      protoPath: all.map((p) => p.protoPath),
      loader: loaderOptions(),
      maxReceiveMessageLength: MAX_GRPC_MESSAGE_BYTES,
      maxSendMessageLength: MAX_GRPC_MESSAGE_BYTES,
      // Channelz (per-call bookkeeping for a debugging service nobody registers here) cost ~3 % of
      // a service's CPU under load (docs/perf.md); metrics and traces cover what it would show.
      channelOptions: { 'grpc.enable_channelz': 0 },
      onLoadPackageDefinition: (definition: PackageDefinition, server: Pick<Server, 'addService'>) => {
        new ReflectionService(definition).addToServer(server);
      },
    },
  };
}
