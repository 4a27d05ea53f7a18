/**
 * The README and the manual under docs/ against the code: the table of kinds
 * is rendered from LISTING_KINDS, every relative link opens a file and every
 * `#anchor` a heading, and the README stays a front door.
 */
import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CustomModelSummary,
  EvaluationSummary,
  ModelCopyJobSummary,
  ModelCustomizationJobSummary,
  ModelImportJobSummary,
  ModelInvocationJobSummary,
} from '@aws-sdk/client-bedrock';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { LISTING_KINDS } from '../src/bedrock/kinds/index.js';
import type { AnyListingKind } from '../src/bedrock/listing-kind.js';
import type { Listing } from '../src/index.js';
import * as library from '../src/index.js';
import { anchors, DOC_FILES, linkTargets, readDoc } from './support/markdown.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = readDoc;

/**
 * What a declaration does not hold: the name of its function and of the
 * SDK's summary type. The tests below check both against the code.
 */
const NAMED: Record<string, { readonly fn: keyof typeof library & `paginate${string}`; readonly summary: string }> = {
  customization: { fn: 'paginateCustomizationJobs', summary: 'ModelCustomizationJobSummary' },
  'custom-models': { fn: 'paginateCustomModels', summary: 'CustomModelSummary' },
  import: { fn: 'paginateModelImportJobs', summary: 'ModelImportJobSummary' },
  copy: { fn: 'paginateModelCopyJobs', summary: 'ModelCopyJobSummary' },
  invocation: { fn: 'paginateModelInvocationJobs', summary: 'ModelInvocationJobSummary' },
  evaluation: { fn: 'paginateEvaluationJobs', summary: 'EvaluationSummary' },
};

/** The library's exports by name. */
const EXPORTS = new Map<string, unknown>(Object.entries(library));

const names = (kind: AnyListingKind, time: boolean) =>
  Object.entries(kind.filters as Record<string, { type: string }>)
    .filter(([, rule]) => (rule.type === 'time') === time)
    .map(([field]) => `\`${field}\``)
    .join(', ');

/** The README's table of kinds, as LISTING_KINDS renders it. */
function kindsTable(): string {
  return [
    '| function | operation | yields | filters | time filters (`Date` or ISO-8601) | ordered by | `dedupe` key | CLI kind |',
    '|---|---|---|---|---|---|---|---|',
    ...LISTING_KINDS.map((kind) => {
      const named = NAMED[kind.name];
      return `| \`${named?.fn}\` | ${kind.operation} | \`${named?.summary}\` | ${names(kind, false)} | ${names(kind, true)} | \`${kind.timeField}\` | \`${kind.arnField}\` | \`${kind.name}\` |`;
    }),
  ].join('\n');
}

describe('the kinds in the README', () => {
  test('the README holds the table of kinds exactly as LISTING_KINDS renders it', () => {
    expect(read('README.md')).toContain(kindsTable());
  });

  test('every kind is named, and every paginate* export is a kind', () => {
    expect(Object.keys(NAMED).sort()).toEqual(LISTING_KINDS.map((kind) => kind.name).sort());
    const exported = Object.keys(library).filter((name) => name.startsWith('paginate'));
    expect(exported.sort()).toEqual(
      Object.values(NAMED)
        .map(({ fn }) => fn)
        .sort(),
    );
  });

  test.each(LISTING_KINDS.map((kind) => ({ name: kind.name, kind })))(
    '$name: its function sends its command and reads its items',
    async ({ kind }) => {
      const sent: object[] = [];
      const item = { [kind.arnField]: 'arn:item', [kind.timeField]: new Date(0) };
      const client = {
        send: async (command: object) => {
          sent.push(command);
          return { [kind.itemsKey]: [item], $metadata: { httpStatusCode: 200 } };
        },
      };
      const paginate = EXPORTS.get(NAMED[kind.name]?.fn ?? '') as (filter: object, options: object) => Listing<object>;
      expect(await paginate({}, { client: client as never }).toArray()).toEqual([item]);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toBeInstanceOf(kind.command);
    },
  );

  test('each function yields the summary type the table names', () => {
    expectTypeOf<ReturnType<typeof library.paginateCustomizationJobs>>().toEqualTypeOf<Listing<ModelCustomizationJobSummary>>();
    expectTypeOf<ReturnType<typeof library.paginateCustomModels>>().toEqualTypeOf<Listing<CustomModelSummary>>();
    expectTypeOf<ReturnType<typeof library.paginateModelImportJobs>>().toEqualTypeOf<Listing<ModelImportJobSummary>>();
    expectTypeOf<ReturnType<typeof library.paginateModelCopyJobs>>().toEqualTypeOf<Listing<ModelCopyJobSummary>>();
    expectTypeOf<ReturnType<typeof library.paginateModelInvocationJobs>>().toEqualTypeOf<Listing<ModelInvocationJobSummary>>();
    expectTypeOf<ReturnType<typeof library.paginateEvaluationJobs>>().toEqualTypeOf<Listing<EvaluationSummary>>();
  });

  test('the README shows the new kinds at work in an embedded example', () => {
    expect(read('README.md')).toContain('<!-- example: examples/kinds.ts -->');
  });
});

describe('links in the README and docs/', () => {
  test('the README links every page of the manual, and every page exists', () => {
    const targets = linkTargets(read('README.md'));
    for (const page of ['guide', 'cli', 'emulator', 'reliability', 'performance']) {
      expect(targets.map((target) => target.replace(/#.*$/, ''))).toContain(`docs/${page}.md`);
    }
    expect(DOC_FILES).toEqual(expect.arrayContaining(['docs/guide.md', 'docs/cli.md', 'docs/emulator.md']));
  });

  test('the anchor check works: it knows a heading and refuses a made-up one', () => {
    const known = anchors(read('docs/guide.md'));
    expect(known).toContain('errors-and-resumetoken');
    expect(known).toContain('pages-checkpoints-and-resuming');
    expect(known).not.toContain('no-such-heading');
  });

  test.each(DOC_FILES)('every relative link in %s opens a file, and every #anchor a heading', (file) => {
    const relative = linkTargets(read(file)).filter((target) => !/^[a-z][a-z\d+.-]*:/i.test(target));
    for (const target of relative) {
      const [path = '', anchor] = decodeURI(target).split('#');
      const resolved = path === '' ? file : normalize(join(dirname(file), path));
      expect(existsSync(join(ROOT, resolved)), `${file}: ${target}`).toBe(true);
      if (anchor !== undefined && resolved.endsWith('.md')) {
        expect(anchors(read(resolved)), `${file}: ${target}`).toContain(anchor);
      }
    }
  });
});

test('the README is a front door: at most 300 lines', () => {
  expect(read('README.md').split('\n').length).toBeLessThanOrEqual(300);
});
