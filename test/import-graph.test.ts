import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Every TypeScript file under src/, as an absolute path. */
function sourceFiles(): string[] {
  return readdirSync(SRC, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The src/ files that `file` imports: `import`, `import type`, `export … from`
 * and `import()` alike. Type-only imports count too: a cycle of types is
 * still two files that cannot be read one without the other.
 */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
}

/** The cycles in a graph, each as its files in import order, the first repeated at the end. */
function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the import graph of src/', () => {
  const graph = new Map(sourceFiles().map((file) => [file, importsOf(file)]));

  test('every relative import names a file under src/', () => {
    const missing = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => !graph.has(target)).map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    expect(missing).toEqual([]);
  });

  test('has no cycle', () => {
    const cycles = cyclesIn(graph).map((cycle) => cycle.map((file) => relative(SRC, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  test('the operators know the batch protocol, not the chain that wraps them', () => {
    const operators = join(SRC, 'chain/operators/');
    const allowed = (target: string) =>
      target.startsWith(operators) || !target.startsWith(join(SRC, 'chain/')) || target === join(SRC, 'chain/batch-source.ts');
    const reaching = [...graph]
      .filter(([file]) => file.startsWith(operators))
      .flatMap(([file, imports]) =>
        imports.filter((target) => !allowed(target)).map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
      );
    expect(reaching).toEqual([]);
  });

  test('the check finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cyclesIn(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });
});
