// ESLint flat config. Besides typescript-eslint and eslint-plugin-vue, it enforces the
// layer rules (which folder may import what), next to the TypeScript project references
// that enforce the same directions at build time.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

// Not '/': regexes here are written unescaped and escaped for selectors by layer().
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A forbidden import: `regex` is tested against the import source. */
const forbid = {
  main: {
    regex: '(^|/)src-main(/|$)',
    message: 'Layer rule: this layer may not import the main process (src-main). Share code through src-shared.',
  },
  renderer: {
    regex: '(^|/)src-renderer(/|$)',
    message: 'Layer rule: this layer may not import the renderer (src-renderer). Share code through src-shared.',
  },
  rendererToMain: {
    regex: '(^|/)src-main(/|$)',
    message:
      'Layer rule: the renderer never imports the main process (src-main); it calls it through the preload bridge, via src-renderer/api.',
  },
  electron: {
    regex: '^electron(/|$)',
    message: 'Layer rule: only the Electron shell (src-main/index.ts, src-main/preload.ts, src-main/electron) may import electron.',
  },
  rendererToElectron: {
    regex: '^electron(/|$)',
    message:
      'Layer rule: the renderer is sandboxed and has no Electron; it reaches the main process only through window.gatehouse, via src-renderer/api.',
  },
  coreToElectron: {
    regex: '^electron(/|$)',
    message:
      'Layer rule: src-main/core is Electron-free (unit tests and the e2e harness run it in plain Node); Electron APIs belong in src-main/electron.',
  },
  coreToShell: {
    regex: '((^|/)src-main/electron|^(\\.\\./)+electron)(/|$)',
    message: 'Layer rule: src-main/core may not import the Electron shell (src-main/electron); the shell calls the core, not the reverse.',
  },
  sharedToNode: {
    regex: `^(node:.*|${builtinModules.map(escapeRegex).join('|')})$`,
    message: 'Layer rule: src-shared runs in both the main process and the renderer, so it may not use Node built-ins.',
  },
  rendererToNode: {
    regex: `^(node:.*|${builtinModules.map(escapeRegex).join('|')})$`,
    message: 'Layer rule: the renderer has no Node.js; Node built-ins belong in src-main.',
  },
  sharedToVue: {
    regex: '^(vue|@vue/.*|pinia|vue-router)(/.*)?$',
    message: 'Layer rule: src-shared is framework-free (the main process loads it too), so it may not import Vue.',
  },
  componentToApi: {
    regex: '^((\\.{1,2}/)+|.*/src-renderer/|@/)api(/|$)',
    message:
      'Layer rule: components and views do not call the bridge module (src-renderer/api); they use a store, and stores use src-renderer/api.',
  },
  unitTestToIo: {
    regex:
      '^(node:)?(fs|fs/promises|os|child_process|net|http|https)$|^keytar$|(^|/)support/(backendHarness|testBackend|startBackend|crashChildProcess)$',
    message:
      'Layer rule: test/unit is logic with in-memory fakes; a test on real files, SQLite, child processes or the keychain belongs in test/integration (same relative path).',
  },
};

const GATEHOUSE_MESSAGE =
  'Layer rule: only src-renderer/api may touch window.gatehouse (the preload bridge); use a store or src-renderer/api instead.';
const noWindowGatehouse = [
  { selector: "MemberExpression[computed=false][property.name='gatehouse']", message: GATEHOUSE_MESSAGE },
  { selector: "MemberExpression[computed=true][property.value='gatehouse']", message: GATEHOUSE_MESSAGE },
  // const { gatehouse } = window (or a cast of it)
  { selector: "ObjectPattern > Property[key.name='gatehouse']", message: GATEHOUSE_MESSAGE },
];

/**
 * One layer's rules. Flat config does not merge a rule's options across config objects
 * (the last one wins), so each object lists every restriction for its folder; order
 * the objects from general to specific.
 */
function layer(name, files, restrictions, { ignores = [], syntax = [] } = {}) {
  const esqueryRegex = (regex) => `/${regex.replace(/\//g, '\\/')}/`;
  return {
    name: `gatehouse/layers/${name}`,
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: restrictions.map(({ regex, message }) => ({ regex, message, caseSensitive: true })) }],
      'no-restricted-syntax': [
        'error',
        ...restrictions.flatMap(({ regex, message }) => [
          { selector: `ImportExpression[source.value=${esqueryRegex(regex)}]`, message },
          { selector: `CallExpression[callee.name='require'][arguments.0.value=${esqueryRegex(regex)}]`, message },
        ]),
        ...syntax,
      ],
    },
  };
}

const CODE = '**/*.{ts,mts,cts,tsx,vue,js,mjs,cjs}';
const under = (folder) => [`${folder}/${CODE}`];
const rendererBase = [forbid.rendererToMain, forbid.rendererToElectron, forbid.rendererToNode];
/** What tsconfig.json's projects include (tsconfig.{shared,main,renderer,node}.json). */
const TYPED_FILES = [
  'src-shared/**/*.ts',
  'src-main/**/*.ts',
  'src-renderer/**/*.{ts,vue}',
  'test/**/*.ts',
  'bench/**/*.{ts,vue}',
  '*.config.{ts,mts}',
];
const componentFiles = [
  ...under('src-renderer/components'),
  ...under('src-renderer/views'),
  ...under('src-renderer/features'),
  'src-renderer/**/*.vue',
];

export default defineConfig(
  {
    name: 'gatehouse/ignores',
    ignores: ['node_modules/', 'out/', 'dist/', '.tmp/', 'test-results/', 'playwright-report/', 'coverage/'],
  },

  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  {
    name: 'gatehouse/unused-underscore',
    rules: {
      // A leading underscore marks a binding as deliberately unused (`for (const _ of text)`, `(_event, url) =>`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    name: 'gatehouse/vue-typescript',
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: tseslint.configs.eslintRecommended.rules,
  },
  {
    // Promises and switches checked with type information, on the files a tsconfig covers
    // (tsconfig.json's project references; scripts/*.mjs and *.cjs have none and keep the syntax rules).
    name: 'gatehouse/type-aware',
    files: TYPED_FILES,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise is awaited, returned, or marked fire-and-forget with `void`; a `void` promise must
      // not reject (it ends in .catch, or is one that settles quietly, such as a store action
      // built on src-renderer/api, which turns rejections into results).
      '@typescript-eslint/no-floating-promises': 'error',
      // No promise where a callback's result is ignored (event listeners, setTimeout) or a
      // condition is tested.
      '@typescript-eslint/no-misused-promises': 'error',
      // A switch over a union names every member, unless its `default:` says what the rest do.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    name: 'gatehouse/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Import directions, general to specific.
  layer('main', under('src-main'), [forbid.renderer]),
  layer('core', under('src-main/core'), [forbid.renderer, forbid.coreToElectron, forbid.coreToShell]),
  layer('shared', under('src-shared'), [forbid.main, forbid.renderer, forbid.electron, forbid.sharedToNode, forbid.sharedToVue]),
  layer('renderer', under('src-renderer'), rendererBase, { syntax: noWindowGatehouse }),
  layer('renderer-api', under('src-renderer/api'), rendererBase),
  layer('components', componentFiles, [...rendererBase, forbid.componentToApi], { syntax: noWindowGatehouse }),
  layer('unit-tests', under('test/unit'), [forbid.unitTestToIo], {
    ignores: [
      // Until the shell's file-system tests move to test/integration with the lifecycle split (issue 14).
      ...under('test/unit/electron'),
      // Reads the repository's own sources as fixtures (vitest blanks CSS imports, even ?raw).
      'test/unit/renderer/contrast.test.ts',
    ],
  }),
  // Last: Prettier owns the layout, so the stylistic rules it would fight are off.
  eslintConfigPrettier,
);
