import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the .proto files are at run time. Nest's gRPC transport decodes with proto-loader from
 * the .proto sources, so they ship beside dist/ (the Dockerfile copies proto/).
 */
const PROTO_ROOT = process.env.PROTO_ROOT ?? findProtoRoot(__dirname);

/** The nearest ancestor holding proto/: the repository from source, dist/.. from a build, /app in an image. */
function findProtoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'proto', 'collection'))) return join(dir, 'proto');
    if (dirname(dir) === dir) throw new Error(`no proto/ directory above ${from}; set PROTO_ROOT`);
  }
}

export const protoRoot = (): string => PROTO_ROOT;

export const ProtoPackages = {
  collection: { package: 'collection.v1', protoPath: join(PROTO_ROOT, 'collection/v1/collection.proto') },
  evaluation: { package: 'evaluation.v1', protoPath: join(PROTO_ROOT, 'evaluation/v1/evaluation.proto') },
  disclosure: { package: 'disclosure.v1', protoPath: join(PROTO_ROOT, 'disclosure/v1/disclosure.proto') },
  gateway: { package: 'gateway.v1', protoPath: join(PROTO_ROOT, 'gateway/v1/gateway.proto') },
  measures: { package: 'measures.v1', protoPath: join(PROTO_ROOT, 'measures/v1/measures.proto') },
  permits: { package: 'permits.v1', protoPath: join(PROTO_ROOT, 'permits/v1/permits.proto') },
  repair: { package: 'repair.v1', protoPath: join(PROTO_ROOT, 'repair/v1/repair.proto') },
} as const;
export type ProtoPackage = (typeof ProtoPackages)[keyof typeof ProtoPackages];
