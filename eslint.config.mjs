// Lint at zero warnings, plus the module-boundary rule that keeps the architecture honest:
// apps depend only on shared libs (never on each other); domain libs depend on nothing but
// other domain libs and may not import Nest, TypeORM, NATS or pg.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Generated proto namespaces: wire types, mapped to the application's own types in interface/.
const generatedContracts = {
  name: '@contracts',
  importNames: ['collectionV1', 'evaluationV1', 'disclosureV1', 'gatewayV1', 'measuresV1', 'permitsV1', 'repairV1', 'exchangeV1'],
  message: 'generated contract types stay in interface/: map them to application types there',
};
const infrastructure = ['@nestjs/*', 'typeorm', '@nats-io/*', 'pg', '@grpc/*', '@opentelemetry/*', 'pino', 'nestjs-pino'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'libs/contracts/src/generated/**', 'tmp/**', '.data/**', 'test/load/k6/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts'] },
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
      ],
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
          patterns: [{ group: ['../../*/infrastructure/*', '../../*/infrastructure/**'], message: "a feature's application code does not import another feature's infrastructure" }],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
