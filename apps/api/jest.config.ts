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
  workerIdleMemoryLimit: '600MB',
};
