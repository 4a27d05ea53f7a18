import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { linkTargets, MANUAL } from './support/markdown.js';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The lifecycle scripts that npm runs, or warns about, when a package is installed. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

interface PackResult {
  readonly filename: string;
  readonly files: { readonly path: string }[];
}

function npm(args: readonly string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('npm', args, { cwd, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`npm ${args.join(' ')}: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * `npm pack` of this package or of other folders. `--ignore-scripts`: the
 * tests use the dist/ that `npm test` has just built, rather than rebuild it
 * under the feet of the other test files.
 */
async function pack(specs: readonly string[], extra: readonly string[] = []): Promise<PackResult[]> {
  const { stdout } = await npm(['pack', '--json', '--ignore-scripts', ...extra, ...specs], ROOT);
  return JSON.parse(stdout) as PackResult[];
}

const packed = async () => ((await pack(['.'], ['--dry-run']))[0]?.files ?? []).map((file) => file.path);

test('npm pack holds dist/ with its types, the README, the manual and the license, and nothing else', {
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
      'docs/guide.md',
      ...MANUAL,
    ]),
  );
  const outside = files.filter(
    (file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', ...MANUAL].includes(file),
  );
  expect(outside).toEqual([]);
  expect(files.filter((file) => /^(test|bench|examples|src|docs\/api)\//.test(file) || /\.test\./.test(file))).toEqual([]);
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

/** This package's runtime dependencies and theirs, as installed in node_modules. */
async function runtimeDependencyFolders(): Promise<string[]> {
  const folders = new Set<string>();
  const visit = async (dependencies: Record<string, string> = {}): Promise<void> => {
    for (const name of Object.keys(dependencies)) {
      const folder = join(ROOT, 'node_modules', name);
      if (folders.has(folder)) continue;
      folders.add(folder);
      const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      await visit(manifest.dependencies);
    }
  };
  await visit(packageJson.dependencies);
  return [...folders];
}

test('the packed tarball installs into a fresh project with no install script and no warning about one', {
  timeout: 60_000,
}, async () => {
  const project = await mkdtemp(join(tmpdir(), 'bcj-consumer-'));
  try {
    const [tarball] = await pack(['.'], ['--pack-destination', project]);
    // The runtime dependencies come packed from node_modules, and npm runs
    // offline with an empty cache: the install needs no registry. The SDK
    // is a peer dependency, left out (--legacy-peer-deps) for the same reason.
    const dependencies = await pack(await runtimeDependencyFolders(), ['--pack-destination', project]);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const { stderr } = await npm(
      [
        'install',
        ...[tarball, ...dependencies].map((result) => `./${result?.filename}`),
        '--offline',
        '--cache',
        join(project, '.npm-cache'),
        '--legacy-peer-deps',
        '--no-audit',
        '--no-fund',
      ],
      project,
    );
    // npm 11 says "npm warn install-scripts … (prepare: npm run build)".
    expect(stderr).not.toMatch(/script/i);
    const installed = JSON.parse(await readFile(join(project, 'node_modules', packageJson.name, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    expect(Object.keys(installed.scripts ?? {}).filter((name) => INSTALL_SCRIPTS.includes(name))).toEqual([]);
    expect((await readFile(join(project, 'node_modules', packageJson.name, 'dist/index.js'), 'utf8')).length).toBeGreaterThan(0);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
});

test.each(['README.md', ...MANUAL])(
  'every relative link and image in %s opens a file that is in the package',
  {
    timeout: CHILD_PROCESS_MS,
  },
  async (page) => {
    const files = new Set(await packed());
    const targets = linkTargets(await readFile(join(ROOT, page), 'utf8'));
    // The extraction works: the README's links to p-retry and to the guide are found.
    if (page === 'README.md')
      expect(targets).toEqual(expect.arrayContaining(['https://github.com/sindresorhus/p-retry', 'docs/guide.md']));
    // The registry shows the README without the repository around it: a
    // relative link there, or in a page of the manual, opens only what the
    // tarball holds.
    const relative = targets.filter((target) => !/^[a-z][a-z\d+.-]*:/i.test(target) && !target.startsWith('#'));
    for (const target of relative) {
      const path = decodeURI(target.replace(/[?#].*$/, ''));
      expect(files, `${page}: ${target}`).toContain(posix.normalize(posix.join(posix.dirname(page), path)));
    }
  },
);
