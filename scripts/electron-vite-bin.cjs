'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * electron-vite's CLI script. Its package.json "exports" exposes only "." and "./package.json", so
 * the script is found through its "bin" field, never by resolving a subpath.
 */
function electronViteBin(projectDir) {
  const packageJson = require.resolve('electron-vite/package.json', { paths: [projectDir] });
  const { bin } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
  const script = typeof bin === 'string' ? bin : bin?.['electron-vite'];
  if (!script) throw new Error(`${packageJson} names no electron-vite bin`);
  return path.join(path.dirname(packageJson), script);
}

module.exports = { electronViteBin };
