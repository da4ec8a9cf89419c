export default {
  displayName: 'api-identity',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // scrypt costs a few hundred ms per hash on purpose; a busy machine must not fail on it.
  testTimeout: 30_000,
  coverageDirectory: '../../../coverage/libs/api/identity',
};
