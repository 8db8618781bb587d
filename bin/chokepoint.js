#!/usr/bin/env node
// The package's command: runs the compiled CLI (built by `npm ci` through the prepare script).
import('../dist/src/surfaces/cli/main.js').catch((err) => {
  // Only the CLI itself missing means "not built"; a module missing inside it is a real error, shown as it is.
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find module '[^']*dist\/src\/surfaces\/cli\/main\.js'/.test(String(err.message))) {
    console.error('chokepoint is not built yet: run `npm run build` (npm ci does it for you).');
    process.exit(1);
  }
  throw err;
});
