/**
 * Preloaded with `node -r` next to the stand-in electron module (../buildOutput/electronStub.cjs)
 * when the packaging test runs the packaged main bundle: records every file Node loads, through
 * require or import, and writes the list to $GATEHOUSE_LOADED_FILES when the process exits, so the
 * test can compare what the package holds with what the app really loads. Test code only.
 */
const { registerHooks } = require('node:module');
const { writeFileSync } = require('node:fs');
const { fileURLToPath } = require('node:url');

const loaded = new Set();
registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) loaded.add(fileURLToPath(url));
    return nextLoad(url, context);
  },
});
process.on('exit', () => writeFileSync(process.env.GATEHOUSE_LOADED_FILES, JSON.stringify([...loaded])));
