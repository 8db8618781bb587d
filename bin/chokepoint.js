#!/usr/bin/env node
// The package's command: runs the compiled CLI (built by `npm ci` through the prepare script).
import('../dist/src/surfaces/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/surfaces/cli/main.js')) {
    console.error('chokepoint is not built yet: run `npm run build` (npm ci does it for you).');
    process.exit(1);
  }
  throw err;
});
