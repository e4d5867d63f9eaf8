import type { EntitySchema, MixedList } from 'typeorm';
import type { BaseServiceConfig } from '@platform/config';
import type { ProtoPackageRef } from '@platform/grpc';
import type { StreamName } from '@contracts';

/** What makes one service different from another at boot; everything else is shared. */
/* eslint-disable @typescript-eslint/no-unsafe-function-type */
export interface ServiceDefinition {
  /** App name, e.g. `joint-measures`. */
  name: string;
  /** Its PostgreSQL schema and role, e.g. `joint_measures`. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  protoPackages: readonly ProtoPackageRef[];
  /** Streams this service publishes to or consumes from; it ensures they exist at boot. */
  streams: readonly StreamName[];
}
/* eslint-enable @typescript-eslint/no-unsafe-function-type */

export type ServiceConfig = BaseServiceConfig;
