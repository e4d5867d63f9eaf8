import { ConfigError, loadConfig } from '@platform/config';
import { gatewayConfigSchema } from './gateway.definition';

// PLATFORM_PROVINCE is this deployment's province (ADR 0080): Henan unless configured, and only a
// province-level GB/T 2260 code, since partners address their pages to a province.
const env = {
  HTTP_PORT: '8080',
  GRPC_PORT: '50051',
  DATABASE_URL: 'postgres://gateway@127.0.0.1:5432/transport_credit',
  NATS_URL: 'nats://127.0.0.1:4222',
  GATEWAY_JWT_PRIVATE_KEY_FILE: '/run/key.pem',
  GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE: '/run/internal-identity.pem',
  COLLECTION_GRPC_URL: '127.0.0.1:50052',
  EVALUATION_GRPC_URL: '127.0.0.1:50053',
  DISCLOSURE_GRPC_URL: '127.0.0.1:50056',
  JOINT_MEASURES_GRPC_URL: '127.0.0.1:50054',
  PERMITS_GRPC_URL: '127.0.0.1:50057',
  REPAIR_GRPC_URL: '127.0.0.1:50055',
};

describe('PLATFORM_PROVINCE', () => {
  it('is Henan (410000) by default and Hubei when the second instance says so', () => {
    expect(loadConfig(gatewayConfigSchema, env).PLATFORM_PROVINCE).toBe('410000');
    expect(loadConfig(gatewayConfigSchema, { ...env, PLATFORM_PROVINCE: '420000' }).PLATFORM_PROVINCE).toBe('420000');
  });

  it('refuses a city, and a code that names no province', () => {
    expect(() => loadConfig(gatewayConfigSchema, { ...env, PLATFORM_PROVINCE: '420100' })).toThrow(/PLATFORM_PROVINCE/);
    expect(() => loadConfig(gatewayConfigSchema, { ...env, PLATFORM_PROVINCE: '990000' })).toThrow(/PLATFORM_PROVINCE/);
  });
});

describe("the gateway's internal identity settings (ADR 0073)", () => {
  const problems = (values: Record<string, string | undefined>) => {
    try {
      loadConfig(gatewayConfigSchema, values);
    } catch (error) {
      return (error as ConfigError).problems;
    }
    return [];
  };

  it('signs principals for 30 s by default, longer than the 5 s upstream deadline', () => {
    expect(loadConfig(gatewayConfigSchema, env)).toMatchObject({ INTERNAL_IDENTITY_TTL_SECONDS: 30, GATEWAY_UPSTREAM_DEADLINE_MS: 5000 });
  });

  it('requires the internal identity key file', () => {
    expect(problems({ ...env, GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE: undefined })).toEqual([
      { variable: 'GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE', message: expect.stringContaining('is required') },
    ]);
  });

  it('refuses a principal lifetime that a call could outlast: permits passes the principal on during the call', () => {
    expect(problems({ ...env, INTERNAL_IDENTITY_TTL_SECONDS: '5', GATEWAY_UPSTREAM_DEADLINE_MS: '5000' })).toEqual([
      { variable: 'INTERNAL_IDENTITY_TTL_SECONDS', message: expect.stringContaining('GATEWAY_UPSTREAM_DEADLINE_MS (5000 ms)') },
    ]);
    expect(problems({ ...env, INTERNAL_IDENTITY_TTL_SECONDS: '6', GATEWAY_UPSTREAM_DEADLINE_MS: '5000' })).toEqual([]);
  });
});
