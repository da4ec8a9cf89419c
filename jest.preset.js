const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Projects are scaffolded before their tests exist; an empty project must not fail the whole run.
  passWithNoTests: true,
  globalSetup: join(__dirname, 'tools/jest/temp-dir.setup.cjs'),
  globalTeardown: join(__dirname, 'tools/jest/temp-dir.teardown.cjs'),
};
