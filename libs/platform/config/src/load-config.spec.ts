import { baseServiceEnv, ConfigError, loadConfig } from './load-config';

const valid = {
  HTTP_PORT: '8081',
  GRPC_PORT: '50052',
  DATABASE_URL: 'postgres://collection@127.0.0.1:5432/transport_credit',
  NATS_URL: 'nats://127.0.0.1:4222',
};

describe('loadConfig', () => {
  it('parses the environment into one typed object with defaults', () => {
    const config = loadConfig(baseServiceEnv, valid);
    expect(config).toMatchObject({ HTTP_PORT: 8081, GRPC_PORT: 50052, DB_MIGRATE_ON_BOOT: true, NATS_SUBJECT_PREFIX: '', LOG_LEVEL: 'info' });
  });

  it('names every missing or malformed variable', () => {
    const attempt = () => loadConfig(baseServiceEnv, { ...valid, HTTP_PORT: 'eighty', DATABASE_URL: undefined, NATS_URL: 'http://x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(variables).toEqual(['DATABASE_URL', 'HTTP_PORT', 'NATS_URL']);
      expect((error as Error).message).toContain('HTTP_PORT');
    }
  });

  it('rejects a boolean that is not a boolean', () => {
    expect(() => loadConfig(baseServiceEnv, { ...valid, DB_MIGRATE_ON_BOOT: 'yes' })).toThrow(/DB_MIGRATE_ON_BOOT/);
  });
});
