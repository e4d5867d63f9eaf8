// Lint at zero warnings, plus the module-boundary rule that keeps the architecture honest:
// apps depend only on shared libs (never on each other); domain libs depend on nothing but
// other domain libs and may not import Nest, TypeORM, NATS or pg. The cross-service tests in
// test/ are a project too (platform-tests, type:test): they reach apps and libs only through
// public entry points (@platform/*, @domain/*, @contracts), except in the few named bridge
// files under test/support/ listed in `testBridges` (docs/testing.md).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettierConfig from 'eslint-config-prettier/flat';

// Generated proto namespaces: wire types, mapped to the application's own types in interface/.
const generatedContracts = {
  name: '@contracts',
  importNames: ['collectionV1', 'evaluationV1', 'disclosureV1', 'gatewayV1', 'measuresV1', 'permitsV1', 'repairV1', 'exchangeV1'],
  message: 'generated contract types stay in interface/: map them to application types there',
};
const infrastructure = ['@nestjs/*', 'typeorm', '@nats-io/*', 'pg', '@grpc/*', '@opentelemetry/*', 'pino', 'nestjs-pino'];

/** The module-boundary rule; `allow` whitelists exact import specifiers (used only by the test bridges). */
const moduleBoundaries = (allow = []) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts'] },
      { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts'] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: ['type:domain'],
        bannedExternalImports: infrastructure,
      },
    ],
  },
];

// The only places test/ may reach into an app's composition or the repository's tooling; every
// other test file goes through them. Keys are files, values the exact specifiers each may import.
const testBridges = {
  // Every service's schema, for the test template database.
  'test/support/service-schemas.ts': ['collection', 'disclosure', 'evaluation', 'gateway', 'joint-measures', 'permits', 'repair'].map(
    (app) => `../../apps/${app}/src/${app}.definition`,
  ),
  // The local platform launcher (spawns built services), its demo clients, and the gateway's client-seed file format.
  'test/support/platform-harness.ts': [
    '../../deploy/local/platform.cjs',
    '../../deploy/local/demo-clients.cjs',
    '../../apps/gateway/src/auth/application/client-seeder',
  ],
  // Jest's globalSetup runs outside moduleNameMapper: it resolves the tsconfig path aliases itself.
  'test/support/register-aliases.ts': ['../../tsconfig.base.json'],
  // Every shipped configuration set of evaluation and joint measures, checked across services (ADR 0043).
  'test/support/shipped-configuration.ts': [
    '../../apps/evaluation/src/schemes/application/scheme-announcements',
    '../../apps/evaluation/src/engine/domain/shipped-schemes',
    '../../apps/evaluation/src/engine/domain/recognition',
    '../../apps/joint-measures/src/configuration/domain/config-problem',
    '../../apps/joint-measures/src/configuration/domain/known-scheme',
    '../../apps/joint-measures/src/configuration/domain/shipped-configuration',
    '../../apps/joint-measures/src/measures/domain/shipped-measures',
  ],
};
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (specifier) => `^${escapeRegex(specifier)}$`;
/** Relative imports of app, lib, tooling or build internals, except the `allowed` specifiers. */
const testInternals = (allowed = []) => [
  'error',
  {
    patterns: [
      {
        regex: `${allowed.length ? `^(?!(?:${allowed.map(escapeRegex).join('|')})$)` : ''}^\\.{1,2}/(?:.*/)?(?:apps|libs|deploy|scripts|dist)(?:/|$)`,
        message: 'tests import apps and libs through @platform/*, @domain/*, @contracts, or a named bridge in test/support/ (docs/testing.md)',
      },
    ],
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'libs/contracts/src/generated/**', 'tmp/**', '.data/**', 'test/load/k6/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': moduleBoundaries(),
    },
  },
  {
    // Each app's domain/ folders are pure too (ARCHITECTURE.md §3), and speak their own types.
    files: ['apps/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [generatedContracts],
          patterns: infrastructure.map((group) => ({ group: [group], message: 'domain code stays free of infrastructure' })),
        },
      ],
    },
  },
  {
    // Use cases speak their own types (wire types are mapped in interface/) and reach another
    // feature through its application layer, never its storage (docs/architecture.md, conventions).
    files: ['apps/*/src/**/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [generatedContracts],
          patterns: [
            {
              group: ['../../*/infrastructure/*', '../../*/infrastructure/**'],
              message: "a feature's application code does not import another feature's infrastructure",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests reach code through public entry points only (the module-boundary rule does the same
    // for TypeScript through the project graph; this also covers .mjs and files outside projects).
    files: ['test/**/*.ts', 'test/**/*.mts', 'test/**/*.cts'],
    rules: { 'no-restricted-imports': testInternals() },
  },
  ...Object.entries(testBridges).map(([file, allow]) => ({
    files: [file],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(allow.map(exactly)),
      'no-restricted-imports': testInternals(allow),
    },
  })),
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Last: layout is Prettier's (ADR 0040); no lint rule may fight it.
  prettierConfig,
);
