/**
 * The layer rules in eslint.config.mjs, proven with the ESLint Node API on snippets
 * linted as if they lived in each folder (the files need not exist).
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '..', '..', '..');
let eslint: ESLint;

beforeAll(() => {
  // The snippets' files do not exist, so TypeScript's project service cannot type them: lint them
  // without type information (the type-aware rules off), which leaves the layer rules as they are.
  eslint = new ESLint({
    cwd: projectRoot,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/switch-exhaustiveness-check': 'off',
      },
    },
  });
});

/** The layer-rule messages ESLint reports for `code` placed at `filePath`. */
async function layerViolations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectRoot, filePath) });
  expect(result, 'ESLint returned no result').toBeDefined();
  const unlinted = result!.messages.filter((message) => message.fatal || message.ruleId === null);
  expect(unlinted, 'the snippet must parse and must not be in an ignored folder').toEqual([]);
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message);
}

const vue = (script: string): string => `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  <div />\n</template>\n`;

describe('forbidden import directions fail lint', () => {
  const cases: ReadonlyArray<readonly [string, string, string, RegExp]> = [
    [
      'unit test → file system',
      'test/unit/core/probe.test.ts',
      "import { mkdtempSync } from 'node:fs';\nexport const probe = mkdtempSync;",
      /belongs in test\/integration/,
    ],
    [
      'unit test → SQLite harness',
      'test/unit/core/twoFactor/probe.test.ts',
      "import { createBackendHarness } from '../../../support/backendHarness';\nexport const probe = createBackendHarness;",
      /belongs in test\/integration/,
    ],
    [
      'renderer → main',
      'src-renderer/stores/accountsProbe.ts',
      "import { composeBackend } from '../../src-main/core/composeBackend';\nexport const probe = composeBackend;",
      /renderer never imports the main process/,
    ],
    [
      'renderer → main (type-only)',
      'src-renderer/stores/accountsProbe.ts',
      "import type { Backend } from '../../src-main/core/composeBackend';\nexport type Probe = Backend;",
      /renderer never imports the main process/,
    ],
    [
      'renderer → electron',
      'src-renderer/stores/accountsProbe.ts',
      "import { ipcRenderer } from 'electron';\nexport const probe = ipcRenderer;",
      /renderer is sandboxed and has no Electron/,
    ],
    [
      'renderer → Node builtin',
      'src-renderer/utils/probe.ts',
      "import { readFile } from 'fs/promises';\nexport const probe = readFile;",
      /renderer has no Node\.js/,
    ],
    [
      'shared → node:fs',
      'src-shared/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;",
      /src-shared runs in both/,
    ],
    [
      'shared → bare Node builtin',
      'src-shared/probe.ts',
      "import { join } from 'path';\nexport const probe = join;",
      /src-shared runs in both/,
    ],
    [
      'shared → main',
      'src-shared/probe.ts',
      "import { resolveDataDir } from '../src-main/core/resolveDataDir';\nexport const probe = resolveDataDir;",
      /may not import the main process/,
    ],
    [
      'shared → renderer',
      'src-shared/probe.ts',
      "import { callGatehouse } from '../src-renderer/api/gatehouseApi';\nexport const probe = callGatehouse;",
      /may not import the renderer/,
    ],
    ['shared → electron', 'src-shared/probe.ts', "import { app } from 'electron';\nexport const probe = app;", /only the Electron shell/],
    ['shared → vue', 'src-shared/probe.ts', "import { ref } from 'vue';\nexport const probe = ref;", /framework-free/],
    [
      'core → electron',
      'src-main/core/probe.ts',
      "import { app } from 'electron';\nexport const probe = app;",
      /src-main\/core is Electron-free/,
    ],
    [
      'core → electron (dynamic import)',
      'src-main/core/db/probe.ts',
      "export const probe = () => import('electron');",
      /src-main\/core is Electron-free/,
    ],
    [
      'core → the Electron shell',
      'src-main/core/probe.ts',
      "import { registerIpc } from '../electron/registerIpc';\nexport const probe = registerIpc;",
      /may not import the Electron shell/,
    ],
    [
      'core → renderer',
      'src-main/core/probe.ts',
      "import { callGatehouse } from '../../src-renderer/api/gatehouseApi';\nexport const probe = callGatehouse;",
      /may not import the renderer/,
    ],
    [
      'main shell → renderer',
      'src-main/electron/probe.ts',
      "import { formatDate } from '../../src-renderer/utils/format';\nexport const probe = formatDate;",
      /may not import the renderer/,
    ],
    [
      'component → api module',
      'src-renderer/components/AccountCard.vue',
      vue("import { callGatehouse } from '../api/gatehouseApi';\nvoid callGatehouse;"),
      /components and views do not call the bridge module/,
    ],
    [
      'view → api module',
      'src-renderer/views/SignInView.vue',
      vue("import { getGatehouseApi } from '../api/gatehouseApi';\nvoid getGatehouseApi;"),
      /components and views do not call the bridge module/,
    ],
    [
      'component touching window.gatehouse',
      'src-renderer/components/AccountCard.vue',
      vue('const bridge = window.gatehouse;\nvoid bridge;'),
      /only src-renderer\/api may touch window\.gatehouse/,
    ],
    [
      'store touching window.gatehouse (computed access)',
      'src-renderer/stores/accountsProbe.ts',
      "export const bridge = (window as unknown as Record<string, unknown>)['gatehouse'];",
      /only src-renderer\/api may touch window\.gatehouse/,
    ],
    [
      'store destructuring gatehouse from window',
      'src-renderer/stores/accountsProbe.ts',
      'const { gatehouse } = window as unknown as { gatehouse: unknown };\nexport const bridge = gatehouse;',
      /only src-renderer\/api may touch window\.gatehouse/,
    ],
  ];

  it.each(cases)('%s', async (_label, filePath, code, expected) => {
    const violations = await layerViolations(filePath, code);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(expected);
    expect(violations.every((message) => message.includes('Layer rule:'))).toBe(true);
  });
});

describe('allowed import directions pass lint', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    [
      'renderer → shared',
      'src-renderer/stores/accountsProbe.ts',
      "import { MESSAGES } from '../../src-shared/errors';\nexport const probe = MESSAGES;",
    ],
    [
      'main shell → shared',
      'src-main/electron/probe.ts',
      "import { OPERATION_NAMES } from '../../src-shared/operations';\nexport const probe = OPERATION_NAMES;",
    ],
    [
      'main shell → electron and Node',
      'src-main/electron/probe.ts',
      "import { join } from 'node:path';\nimport { app } from 'electron';\nexport const probe = [join, app];",
    ],
    ['core → node:crypto', 'src-main/core/probe.ts', "import { randomUUID } from 'node:crypto';\nexport const probe = randomUUID;"],
    ['core → shared', 'src-main/core/probe.ts', "import { ok } from '../../src-shared/result';\nexport const probe = ok;"],
    ['shared → shared', 'src-shared/probe.ts', "import { ok } from './result';\nexport const probe = ok;"],
    [
      'api module touching window.gatehouse',
      'src-renderer/api/probe.ts',
      'export const bridge = (window as unknown as { gatehouse?: unknown }).gatehouse;',
    ],
    [
      'store → api module',
      'src-renderer/stores/accountsProbe.ts',
      "import { callGatehouse } from '../api/gatehouseApi';\nexport const probe = callGatehouse;",
    ],
    [
      'component → store and vue',
      'src-renderer/components/AccountCard.vue',
      vue("import { ref } from 'vue';\nimport { useSessionStore } from '../stores/session';\nvoid ref;\nvoid useSessionStore;"),
    ],
    [
      'integration test → file system and SQLite harness',
      'test/integration/core/probe.test.ts',
      "import { tmpdir } from 'node:os';\nimport { createBackendHarness } from '../../support/backendHarness';\nexport const probe = [tmpdir, createBackendHarness];",
    ],
    [
      'test → anything',
      'test/unit/electron/probe.test.ts',
      "import { app } from 'electron';\nimport { composeBackend } from '../../../src-main/core/composeBackend';\nexport const probe = [app, composeBackend];",
    ],
  ];

  it.each(cases)('%s', async (_label, filePath, code) => {
    expect(await layerViolations(filePath, code)).toEqual([]);
  });
});
