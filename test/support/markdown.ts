/**
 * Reading the README and the manual under docs/ as the tests need: which
 * pages there are, their links, their headings' anchors, their embedded
 * examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A file of the project, by its path from the root. */
export const readDoc = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The manual's pages: every docs/*.md (docs/api/ is TypeDoc's output, not a page). */
export const MANUAL: readonly string[] = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => `docs/${name}`);

/** README.md and the manual. */
export const DOC_FILES: readonly string[] = ['README.md', ...MANUAL];

/** The targets of a page's links and images, code blocks and code spans left out. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)].map((match) => match[1] as string),
    ...[...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm)].map((match) => match[1] as string),
    ...[...prose.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1] as string),
  ];
}

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces to hyphens. */
export function anchors(markdown: string): Set<string> {
  const headings = markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} +(.+?) *#*$/gm);
  return new Set(
    [...headings].map(([, text]) =>
      (text as string)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

/** Every `<!-- example: path -->` marker in a page, with the code block after it. */
export function embeddedExamples(markdown: string): { path: string; code: string }[] {
  return [...markdown.matchAll(/<!-- example: (\S+) -->\s*```ts\n([\s\S]*?)```/g)].map(([, path, code]) => ({
    path: path as string,
    code: code as string,
  }));
}
