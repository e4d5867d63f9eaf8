// Three tiers, picked by file suffix (see docs/testing.md):
//   *.spec.ts       unit, beside the code, no I/O
//   *.int-spec.ts   integration, real PostgreSQL and NATS JetStream
//   test/e2e/**     end to end, real service processes behind the gateway
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, `<rootDir>/${target}`]),
);
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // ESM-only dependencies, compiled to CommonJS for Jest (Node 24 itself loads them with require).
    '^.+/node_modules/(@marcbachmann/cel-js|flatbush|flatqueue|cheap-ruler|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/.+\\.js$': [
      '@swc/jest',
      { ...swc, swcrc: false },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@marcbachmann/cel-js|flatbush|flatqueue|cheap-ruler|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)',
  ],
  // file-type's root export offers only `import`/`module-sync` conditions, which Jest's resolver does not read.
  moduleNameMapper: { ...moduleNameMapper, '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{apps,libs}/**/*.spec.ts',
        '<rootDir>/test/k8s/**/*.spec.ts',
        '<rootDir>/test/security/**/*.spec.ts',
        '<rootDir>/test/images/**/*.spec.ts',
        '<rootDir>/test/load/**/*.spec.ts',
      ],
    },
    {
      ...base,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.ts'],
      // Platform mechanisms are tested in test/integration: @platform/testing depends on them.
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeout.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Fault injection (issue 23 item 1, `npm run test:fault`): its own nats-server per suite; run apart from npm test.
      ...base,
      displayName: 'fault',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeout.ts'],
      testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
