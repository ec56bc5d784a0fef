/**
 * The docs stay true where a machine can tell: every relative link in README.md, SECURITY.md and
 * docs/*.md reaches a file (and a heading, when it names one), every doc is reachable from the
 * README, the README's two commands and system packages are the ones .ci/run uses, and the testing
 * guide's example is the spec that runs it. Reads only the repository's own files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors, headingSlug, isExternal, markdownLinks } from './markdownLinks';

const projectRoot = resolve(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(projectRoot, path), 'utf8');

const DOCS = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(join(projectRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Each relative link that does not resolve, as "file:line → target (why)". */
function deadLinks(
  path: string,
  markdown: string,
  fileExists: (path: string) => boolean,
  anchorsOf: (path: string) => Set<string>,
): string[] {
  const dead: string[] = [];
  for (const { target, line } of markdownLinks(markdown)) {
    if (isExternal(target)) continue;
    const [file = '', anchor] = target.split('#', 2);
    const linked = file === '' ? path : relative(projectRoot, resolve(projectRoot, dirname(path), decodeURI(file)));
    const where = `${path}:${line} → ${target}`;
    if (linked.startsWith('..') || !fileExists(linked)) dead.push(`${where} (no such file)`);
    else if (anchor !== undefined && linked.endsWith('.md') && !anchorsOf(linked).has(anchor)) dead.push(`${where} (no such heading)`);
  }
  return dead;
}

const fileExists = (path: string): boolean => existsSync(join(projectRoot, path));
const anchorsOf = (path: string): Set<string> => headingAnchors(read(path));

describe('the Markdown link reader', () => {
  it('finds links and images outside code, with their lines, and reference definitions', () => {
    const markdown = [
      '# Title',
      'See [the guide](docs/guide.md#set-up) and ![shot](<docs/a b.png> "A shot").',
      '`[not a link](nowhere.md)`',
      '```md',
      '[also not](nowhere.md)',
      '```',
      '[ref]: ../LICENSE',
      '[web](https://example.com/x)',
    ].join('\n');
    expect(markdownLinks(markdown)).toEqual([
      { target: 'docs/guide.md#set-up', line: 2 },
      { target: 'docs/a b.png', line: 2 },
      { target: '../LICENSE', line: 7 },
      { target: 'https://example.com/x', line: 8 },
    ]);
    expect(isExternal('https://example.com/x')).toBe(true);
    expect(isExternal('docs/guide.md')).toBe(false);
  });

  it('gives headings the anchors GitHub gives them', () => {
    expect(headingSlug('Writing end-to-end tests (for testers)')).toBe('writing-end-to-end-tests-for-testers');
    expect(headingSlug('One operation, from the screen to SQLite and the keychain')).toBe(
      'one-operation-from-the-screen-to-sqlite-and-the-keychain',
    );
    expect(headingSlug('`npm run bench` and **its** [figures](x.md)')).toBe('npm-run-bench-and-its-figures');
    expect([...headingAnchors('# Notes\n## Notes\n```\n# not a heading\n```')]).toEqual(['notes', 'notes-1']);
  });

  it('reports a link to a missing file, a missing heading, or outside the repository', () => {
    const markdown = '[a](docs/gone.md) [b](docs/here.md#nowhere) [c](docs/here.md#there) [d](../../etc/passwd) [e](#top)';
    const files = new Set(['docs/here.md', 'README.md']);
    const anchors = (path: string): Set<string> => new Set(path === 'docs/here.md' ? ['there'] : ['top']);
    expect(deadLinks('README.md', markdown, (path) => files.has(path), anchors)).toEqual([
      'README.md:1 → docs/gone.md (no such file)',
      'README.md:1 → docs/here.md#nowhere (no such heading)',
      'README.md:1 → ../../etc/passwd (no such file)',
    ]);
  });
});

describe('the docs', () => {
  it('are README.md, SECURITY.md and the pages under docs/', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['docs/architecture.md', 'docs/testing.md', 'docs/performance.md']));
  });

  it.each(DOCS)('%s links only to files and headings that exist', (path) => {
    const markdown = read(path);
    expect(markdownLinks(markdown).length).toBeGreaterThan(0);
    expect(deadLinks(path, markdown, fileExists, anchorsOf)).toEqual([]);
  });

  it('are all reachable from the README', () => {
    const linked = new Set(markdownLinks(read('README.md')).map(({ target }) => target.split('#')[0]));
    expect(DOCS.filter((path) => path !== 'README.md' && !linked.has(path))).toEqual([]);
  });
});

describe("the README's Quick start", () => {
  const readme = read('README.md');
  const ciRun = read('.ci/run');

  it('gives the two commands for a fresh machine, and CI runs the test command verbatim', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(ciRun).toMatch(/^\(npm ci && npm test\)$/m);
  });

  it('names exactly the system packages .ci/run installs', () => {
    const ciPackages = /^packages=\(([^)]*)\)$/m.exec(ciRun)?.[1]?.split(/\s+/);
    const readmePackages = /`sudo apt-get install ([^`]*)`/.exec(readme)?.[1]?.split(/\s+/);
    expect(ciPackages).toBeDefined();
    expect(readmePackages).toEqual(ciPackages);
  });
});

describe("the testing guide's example", () => {
  it('is, verbatim, the spec that runs it', () => {
    const example = /```ts\n(import \{ expect, test \} from '\.\/fixtures';\n[\s\S]*?)```/.exec(read('docs/testing.md'))?.[1];
    const spec = read('test/e2e/testingGuideExample.spec.ts');
    expect(example).toBeDefined();
    expect(spec.slice(spec.indexOf('import '))).toBe(example);
  });
});
