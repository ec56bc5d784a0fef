'use strict';
/**
 * The app icon, from one source: build/icon.svg, itself generated from the logo the app shows
 * (src-renderer/components/icons/IconLogo.vue with the light theme's colours from tokens.css).
 *
 *   node scripts/packaging/renderIcons.cjs   rewrites build/icon.svg from the logo
 *
 * At packaging time electron-builder.cjs renders the PNGs from build/icon.svg with resvg: a Linux
 * size set (each size rendered, not scaled down), 256 px for Windows (electron-builder writes the
 * .ico) and 1024 px for macOS (electron-builder writes the .icns). No icon binary is committed.
 */
const fs = require('node:fs');
const path = require('node:path');

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const LOGO = path.join(PROJECT_DIR, 'src-renderer', 'components', 'icons', 'IconLogo.vue');
const TOKENS = path.join(PROJECT_DIR, 'src-renderer', 'styles', 'tokens.css');
const SOURCE = path.join(PROJECT_DIR, 'build', 'icon.svg');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** The first (light theme) value of each custom property in tokens.css. */
function lightTokens(css) {
  const tokens = new Map();
  for (const [, name, value] of css.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) if (!tokens.has(name)) tokens.set(name, value.trim());
  return tokens;
}

/** IconLogo.vue's <svg> with its scoped CSS classes turned into presentation attributes. */
function logoSvg(vueSource = fs.readFileSync(LOGO, 'utf8'), tokensCss = fs.readFileSync(TOKENS, 'utf8')) {
  const tokens = lightTokens(tokensCss);
  const resolve = (value) =>
    value.replace(/var\((--[\w-]+)\)/g, (_, name) => {
      if (!tokens.has(name)) throw new Error(`renderIcons: ${name} is not defined in tokens.css`);
      return tokens.get(name);
    });
  const rules = new Map();
  const style = vueSource.match(/<style[^>]*>([\s\S]*?)<\/style>/)?.[1] ?? '';
  for (const [, className, body] of style.matchAll(/\.([\w-]+)\s*\{([^}]*)\}/g)) {
    const declarations = [...body.matchAll(/([\w-]+)\s*:\s*([^;]+);/g)].map(([, prop, value]) => `${prop}="${resolve(value.trim())}"`);
    rules.set(className, declarations.join(' '));
  }
  const svg = vueSource.match(/<svg[\s\S]*<\/svg>/)?.[0];
  if (!svg) throw new Error('renderIcons: no <svg> in IconLogo.vue');
  const body = svg
    .replace(/<svg[^>]*>/, '')
    .replace(/<\/svg>/, '')
    .replace(/class="([\w-]+)"/g, (_, className) => rules.get(className) ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*(\/?>)\s*/g, '$1\n  ')
    .trim();
  return [
    '<!-- Generated from src-renderer/components/icons/IconLogo.vue by scripts/packaging/renderIcons.cjs: edit the logo, then rerun it. -->',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="1024" height="1024">',
    `  ${body.replace(/\n\s*$/, '')}`,
    '</svg>',
    '',
  ].join('\n');
}

function renderPng(svg, size) {
  const { Resvg } = require('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/**
 * Renders the icon set into `outDir`.
 * @returns {{ linuxDir: string, png256: string, png1024: string }}
 */
function renderIcons(svgPath, outDir) {
  const svg = fs.readFileSync(svgPath, 'utf8');
  const linuxDir = path.join(outDir, 'linux');
  fs.mkdirSync(linuxDir, { recursive: true });
  for (const size of LINUX_SIZES) fs.writeFileSync(path.join(linuxDir, `${size}x${size}.png`), renderPng(svg, size));
  const png256 = path.join(outDir, 'icon-256.png');
  const png1024 = path.join(outDir, 'icon-1024.png');
  fs.writeFileSync(png256, renderPng(svg, 256));
  fs.writeFileSync(png1024, renderPng(svg, 1024));
  return { linuxDir, png256, png1024 };
}

if (require.main === module) {
  fs.writeFileSync(SOURCE, logoSvg());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), SOURCE)} from the logo.\n`);
}

module.exports = { LINUX_SIZES, SOURCE, logoSvg, renderIcons };
