/** Jest: ts-jest in CommonJS, type checks left to `npm run typecheck`, a plain summary line for CI. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  testTimeout: 60000,
};
