import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Every `<!-- example: path -->` marker in the README, with the code block after it. */
const embedded = [...readme.matchAll(/<!-- example: (\S+) -->\s*```ts\n([\s\S]*?)```/g)].map(([, path, code]) => ({
  path: path as string,
  code: code as string,
}));

async function run(path: string): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    // A fresh module each run, so that an example can run more than once.
    await import(/* @vite-ignore */ `${new URL(`../${path}`, import.meta.url).pathname}?run=${Math.random()}`);
    return log.mock.calls.map((call) => call.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

describe('README examples', () => {
  test('the README embeds at least one example', () => {
    expect(embedded.length).toBeGreaterThan(0);
  });

  test.each(embedded)('$path is embedded in the README exactly as it is', ({ path, code }) => {
    expect(code).toBe(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
  });

  test('examples/emulator.ts lists failed jobs from a seeded emulator, through throttling', async () => {
    const output = await run('examples/emulator.ts');
    const lines = output.split('\n');
    expect(lines.slice(0, 3).every((line) => /^\d{4}-\d\d-\d\dT\S+Z Failed \S+$/.test(line))).toBe(true);
    expect(lines[3]).toMatch(/^\d+ request\(s\), statuses (429, )*200$/);
  });
});
