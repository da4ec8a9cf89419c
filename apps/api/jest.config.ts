export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Every spec file boots a whole Nest app; one process running them all grows past the heap limit
  // its own /health checks. Two workers, each replaced once it idles above the limit, stay small.
  maxWorkers: 2,
  // Logins cost a deliberate few hundred ms of scrypt each, and every file boots a whole app: on a
  // loaded two-core machine the 5 s default fails tests that are only slow.
  testTimeout: 30_000,
  workerIdleMemoryLimit: '600MB',
};
