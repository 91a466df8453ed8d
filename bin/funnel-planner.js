#!/usr/bin/env node
'use strict';
// The installed command: runs the compiled CLI in build/ (npm ci builds it through "prepare").
let cli;
try {
  cli = require('../build/src/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('build/src/cli/main')) {
    process.stderr.write('funnel-planner is not built yet: run `npm run build` in its folder.\n');
    process.exit(1);
  }
  throw error;
}
// `funnel-planner plan --monthly | head` closes the pipe early: that is the reader being done,
// not an error, so stop quietly like other command-line tools instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw error;
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
