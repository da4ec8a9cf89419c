const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/**
 * Gives each jest run one temporary root, so the SQLite files, configs and CLI outputs the tests
 * create under os.tmpdir() are removed together when the run ends (see temp-dir.teardown.cjs).
 * Workers are started after this runs, so they inherit TMPDIR.
 */
module.exports = async () => {
  const root = mkdtempSync(join(tmpdir(), 'ptp-test-'));
  process.env.PTP_TEST_TMP_ROOT = root;
  process.env.TMPDIR = root;
};
