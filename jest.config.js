/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking runs once in `npm run typecheck`; jest only transpiles.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose deps are ESM-only.
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  setupFilesAfterEnv: ['<rootDir>/test/fastCheckSeed.ts', '<rootDir>/test/textCodecs.ts'],
  testTimeout: 60000,
  // Generates the pack validator (build output, git-ignored) when missing or stale.
  globalSetup: '<rootDir>/test/globalSetup.ts',
};
