const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // A project whose tests went missing must fail, not pass on nothing.
  passWithNoTests: false,
  globalSetup: join(__dirname, 'tools/jest/temp-dir.setup.cjs'),
  globalTeardown: join(__dirname, 'tools/jest/temp-dir.teardown.cjs'),
};
