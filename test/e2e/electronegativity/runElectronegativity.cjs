/**
 * Runs @doyensec/electronegativity's programmatic runner (its CLI is broken by a hoisted commander
 * mismatch) on one directory and writes a SARIF file. Run in a child process: the runner installs
 * a global `__` (i18n) and writes to the console.
 *
 *   node runElectronegativity.cjs <input dir> <output .sarif> <electron version>
 *
 * Offline on purpose: the runner fetches translations and Electron's release list with `got`.
 * Here `got` always fails at once, so nothing leaves the machine and the result does not depend
 * on the network; the one check that needs the release list (AvailableSecurityFixesGlobalCheck)
 * is excluded, and allowList.ts says so. Prints one JSON line: how many checks ran, and the parse
 * errors, so the spec can tell a real scan from an empty one.
 */
const Module = require('node:module');

const originalLoad = Module._load;
Module._load = function loadOffline(request, ...rest) {
  if (request !== 'got') return originalLoad.call(this, request, ...rest);
  const offline = async () => {
    throw new Error('Gatehouse: electronegativity runs offline');
  };
  offline.head = offline;
  return offline;
};

const [input, output, electronVersion] = process.argv.slice(2);
if (!input || !output || !electronVersion) {
  console.error('usage: runElectronegativity.cjs <input dir> <output .sarif> <electron version>');
  process.exit(2);
}

// The translations fetch logs a line when it fails; keep stdout for the one JSON line.
console.log = (...args) => console.error(...args);

require('@doyensec/electronegativity/dist/runner.js')({
  input,
  output,
  isSarif: true,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
})
  .then((result) => {
    process.stdout.write(
      `${JSON.stringify({ globalChecks: result.globalChecks, atomicChecks: result.atomicChecks, errors: result.errors })}\n`,
    );
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  });
