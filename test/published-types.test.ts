import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, expect, test } from 'vitest';

// These tests read dist/, which `npm test` builds first.
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const ENTRY_POINTS = ['index.d.ts', 'emulator/index.d.ts'].map((file) => join(DIST, file));

async function declarationFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

let program: ts.Program;
let checker: ts.TypeChecker;
/** Every symbol the package exports, from either entry point. */
let exported: Set<ts.Symbol>;

/** The symbol itself, behind any `export { … } from` or import alias. */
const resolved = (symbol: ts.Symbol): ts.Symbol =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

beforeAll(() => {
  // Compiled as a consumer compiles them: library checking on.
  program = ts.createProgram(ENTRY_POINTS, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['node'],
  });
  checker = program.getTypeChecker();
  exported = new Set(
    ENTRY_POINTS.flatMap((file) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(file) as ts.SourceFile);
      return module ? checker.getExportsOfModule(module).map(resolved) : [];
    }),
  );
});

/** The exported classes, by name, with their declarations in dist/. */
function exportedClasses(): Map<string, ts.ClassDeclaration> {
  const classes = new Map<string, ts.ClassDeclaration>();
  for (const symbol of exported) {
    const declaration = symbol.declarations?.find(ts.isClassDeclaration);
    if (declaration) classes.set(symbol.name, declaration);
  }
  return classes;
}

/** Who may call a constructor: `public`, `protected` or `private`. */
function access(declaration: ts.ConstructorDeclaration): string {
  const modifiers = ts.getCombinedModifierFlags(declaration);
  return modifiers & ts.ModifierFlags.Private ? 'private' : modifiers & ts.ModifierFlags.Protected ? 'protected' : 'public';
}

/** The named types that `node` refers to, declared in dist/ but not exported by the package. */
function unexportedTypesIn(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isTypeReferenceNode(child) || ts.isExpressionWithTypeArguments(child) || ts.isTypeQueryNode(child)) {
      const name = ts.isTypeReferenceNode(child) ? child.typeName : ts.isTypeQueryNode(child) ? child.exprName : child.expression;
      const symbol = checker.getSymbolAtLocation(name);
      const target = symbol && resolved(symbol);
      const inDist = target?.declarations?.some((declaration) => declaration.getSourceFile().fileName.startsWith(DIST));
      if (target && inDist && !(target.flags & ts.SymbolFlags.TypeParameter) && !exported.has(target)) found.push(name.getText());
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

test('no published declaration has an @internal member', async () => {
  const files = await declarationFiles(DIST);
  expect(files.length).toBeGreaterThan(10);
  const internal: string[] = [];
  for (const file of files) if ((await readFile(file, 'utf8')).includes('@internal')) internal.push(file.slice(DIST.length));
  expect(internal).toEqual([]);
});

test('the published declarations type-check as a consumer compiles them', () => {
  const diagnostics = program
    .getSourceFiles()
    .filter((file) => file.fileName.startsWith(DIST))
    .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]);
  expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
});

test('the constructors a consumer can call or extend refer only to types the package exports', () => {
  const classes = exportedClasses();
  expect([...classes.keys()]).toEqual(expect.arrayContaining(['AsyncChain', 'Listing', 'PaginationError']));
  const leaks: string[] = [];
  for (const [name, declaration] of classes) {
    for (const member of declaration.members.filter(ts.isConstructorDeclaration)) {
      if (access(member) === 'private') continue;
      for (const type of unexportedTypesIn(member)) leaks.push(`${name}: ${type}`);
    }
  }
  expect(leaks).toEqual([]);
});

test('a listing or a chain cannot be constructed from outside: Listing’s constructor is private, AsyncChain’s protected', () => {
  const classes = exportedClasses();
  const constructors = (name: string) => classes.get(name)?.members.filter(ts.isConstructorDeclaration).map(access);
  expect(constructors('Listing')).toEqual(['private']);
  expect(constructors('AsyncChain')).toEqual(['protected']);
});
