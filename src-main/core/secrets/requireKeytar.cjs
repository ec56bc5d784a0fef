'use strict';
// keytar is a native CommonJS module, so a CommonJS module loads it: require, never import(). Node's
// ESM loader cannot read inside app.asar, where the packaged app finds keytar (its .node file in
// app.asar.unpacked). This file works the same however the TypeScript around it is run: bundled
// (out/main), as CommonJS (Playwright) or as an ES module (vitest, Node's type stripping).
module.exports = function requireKeytar() {
  return require('keytar');
};
