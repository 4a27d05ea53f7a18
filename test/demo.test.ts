import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** `12,345` → 12345. */
const number = (text: string) => Number(text.replaceAll(',', ''));

test('npm run demo sums up the whole account, kind by kind, in at most 40 lines', { timeout: CHILD_PROCESS_MS }, async () => {
  const run = await runDemo();
  expect(run.code, run.stderr).toBe(0);
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines.length).toBeLessThanOrEqual(40);

  // Each kind's count, as the demo generates them, and states that add up to it.
  const counts = new Map<string, number>();
  for (const line of lines) {
    const match = /^ {2}(\S.*?)\s{2,}([\d,]+) {2}(.*)$/.exec(line);
    if (!match) continue;
    const [, title = '', count = '', states = ''] = match;
    counts.set(title, number(count));
    const parts = states.split(' · ').filter((part) => !/^\d+ more$/.test(part));
    const shown = parts.reduce((sum, part) => sum + number(part.split(' ').at(-1) ?? ''), 0);
    expect(shown, title).toBeLessThanOrEqual(number(count));
    if (parts.length === states.split(' · ').length) expect(shown, title).toBe(number(count));
  }
  expect(Object.fromEntries(counts)).toMatchObject({
    'customization jobs': 3000,
    'model import jobs': 300,
    'model copy jobs': 200,
    'batch inference jobs': 1500,
    'evaluation jobs': 500,
  });
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  expect(lines[0]).toMatch(new RegExp(`^Listed ${total.toLocaleString('en-US')} items of 6 kinds`));

  // Every custom model is accounted for by the job that made it, or by none.
  const from = lines.indexOf('  Custom models, by the job that made them');
  expect(from).toBeGreaterThan(0);
  const origins = lines.slice(from + 1).filter((line) => /^ {4}\S/.test(line) && /\d$/.test(line));
  const accounted = origins.slice(0, 4).reduce((sum, line) => sum + number(line.trim().split(/\s+/).at(-1) ?? ''), 0);
  expect(accounted).toBe(counts.get('custom models'));
  expect(lines.slice(from)).toContain('  Newest custom models');
});
