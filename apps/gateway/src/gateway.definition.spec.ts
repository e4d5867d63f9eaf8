import { ConfigError, loadConfig } from '@platform/config';
import { gatewayConfigSchema } from './gateway.definition';

describe("the gateway's internal identity settings (ADR 0073)", () => {
  const env = (extra: Record<string, string> = {}) => ({
    HTTP_PORT: '8080',
    GRPC_PORT: '50051',
    DATABASE_URL: 'postgres://gateway@localhost/db',
    NATS_URL: 'nats://localhost:4222',
    GATEWAY_JWT_PRIVATE_KEY_FILE: '/keys/access.pem',
    GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE: '/keys/internal.pem',
    COLLECTION_GRPC_URL: 'collection:50052',
    EVALUATION_GRPC_URL: 'evaluation:50053',
    DISCLOSURE_GRPC_URL: 'disclosure:50056',
    JOINT_MEASURES_GRPC_URL: 'joint-measures:50054',
    PERMITS_GRPC_URL: 'permits:50057',
    REPAIR_GRPC_URL: 'repair:50055',
    ...extra,
  });
  const problems = (values: Record<string, string | undefined>) => {
    try {
      loadConfig(gatewayConfigSchema, values);
    } catch (error) {
      return (error as ConfigError).problems;
    }
    return [];
  };

  it('signs principals for 30 s by default, longer than the 5 s upstream deadline', () => {
    expect(loadConfig(gatewayConfigSchema, env())).toMatchObject({ INTERNAL_IDENTITY_TTL_SECONDS: 30, GATEWAY_UPSTREAM_DEADLINE_MS: 5000 });
  });

  it('requires the internal identity key file', () => {
    expect(problems({ ...env(), GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE: undefined })).toEqual([
      { variable: 'GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE', message: expect.stringContaining('is required') },
    ]);
  });

  it('refuses a principal lifetime that a call could outlast: permits passes the principal on during the call', () => {
    expect(problems(env({ INTERNAL_IDENTITY_TTL_SECONDS: '5', GATEWAY_UPSTREAM_DEADLINE_MS: '5000' }))).toEqual([
      { variable: 'INTERNAL_IDENTITY_TTL_SECONDS', message: expect.stringContaining('GATEWAY_UPSTREAM_DEADLINE_MS (5000 ms)') },
    ]);
    expect(problems(env({ INTERNAL_IDENTITY_TTL_SECONDS: '6', GATEWAY_UPSTREAM_DEADLINE_MS: '5000' }))).toEqual([]);
  });
});
