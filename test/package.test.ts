import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { CHILD_PROCESS_MS } from './support/timeouts.js';

interface PackedFile {
  readonly path: string;
}

const packed = () =>
  new Promise<string[]>((resolve, reject) => {
    execFile(
      'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts'],
      { cwd: fileURLToPath(new URL('..', import.meta.url)) },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(((JSON.parse(stdout) as { files: PackedFile[] }[])[0]?.files ?? []).map((file) => file.path));
      },
    );
  });

test('npm pack holds dist/ with its types, the README and the license, and nothing else', {
  timeout: CHILD_PROCESS_MS,
}, async () => {
  const files = await packed();
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/emulator/index.js',
      'dist/emulator/index.d.ts',
      'dist/cli/main.js',
    ]),
  );
  const outside = files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file));
  expect(outside).toEqual([]);
  expect(files.filter((file) => /^(test|bench|examples|src)\//.test(file) || /\.test\./.test(file))).toEqual([]);
  // Source maps would point at src/, which is not shipped.
  expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
});

test('every path package.json points at is in the package', { timeout: CHILD_PROCESS_MS }, async () => {
  const files = new Set(await packed());
  const targets = [
    ...Object.values(packageJson.bin),
    ...Object.values(packageJson.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry))),
  ].map((target) => target.replace(/^\.\//, ''));
  for (const target of targets) expect(files, target).toContain(target);
});
