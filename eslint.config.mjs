import nx from '@nx/eslint-plugin';

const frameworkPackages = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'rxjs',
  'rxjs/*',
  'class-validator',
  'class-transformer',
  'express',
  'ioredis',
  'pg',
  'sqlite3',
  'ws',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      '**/.angular',
      '**/test-results',
      '**/playwright-report',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworkPackages,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
              bannedExternalImports: frameworkPackages,
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'type:contracts'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'sqlite3',
                'pg',
                'ioredis',
                'express',
              ],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: ['@angular/*', 'ng2-charts', 'chart.js'],
            },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
            },
            {
              sourceTag: 'scope:tools',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The web app reaches the domain through contracts: a runtime import here would bundle the trading core.
    files: ['libs/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@ptp/domain',
              allowTypeImports: true,
              message: 'Contracts take only types from the domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // Test-support projects (the Polygon mock) are for tests only: shipped code must not import them.
    // Per file, because Nx tags apply to whole projects and a project's specs may use them.
    files: ['apps/**/src/**/*.ts', 'libs/**/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@ptp/tools/*'], message: 'Test-support code is for tests only.' }],
        },
      ],
    },
  },
];
