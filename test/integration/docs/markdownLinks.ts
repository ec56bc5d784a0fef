/**
 * Just enough Markdown for checking the docs' links (GitHub's rendering): the link and image
 * targets outside code, and the anchors its headings get. Pure functions: the test reads the files.
 */

export interface MarkdownLink {
  readonly target: string;
  readonly line: number;
}

/** Fenced code blocks hold examples, not links or headings: blanked, keeping line numbers. */
function withoutFences(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null) {
      if (marker === undefined) return line;
      fence = marker;
      return '';
    }
    if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    return '';
  });
}

/** Inline code spans (`like this`) hold examples too. */
const withoutCodeSpans = (line: string): string => line.replace(/(`+)[\s\S]*?\1/g, '');

// [text](target "title"), ![alt](<target>), and reference definitions `[id]: target`.
const INLINE_LINK = /!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+["'(][^)]*)?\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;

export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  withoutFences(markdown)
    .map(withoutCodeSpans)
    .forEach((text, index) => {
      const found = [...text.matchAll(INLINE_LINK)].map((match) => match[1] ?? '');
      const definition = REFERENCE_DEFINITION.exec(text)?.[1];
      if (definition !== undefined) found.push(definition);
      for (const target of found) links.push({ target: target.replace(/^<|>$/g, ''), line: index + 1 });
    });
  return links;
}

/** Links that leave the repository (https:, mailto:, …) are not checked here. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** The anchor GitHub gives a heading's text (github-slugger's rule), before de-duplication. */
export function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link keeps its text
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a Markdown file's headings provide; a repeated heading gets -1, -2, … */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
