const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Domain scenario tables are written for UTC; dates never depend on the machine's zone.
  testTimeout: 20_000,
  reporters: ['default', join(__dirname, 'tools/test/count-reporter.js')],
};
