import { parseArgs } from 'node:util';
import { MAX_RESULTS_MAX, MAX_RESULTS_MIN } from '../bedrock/api-limits.js';
import { LISTING_KINDS } from '../bedrock/kinds/index.js';
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { DEFAULT_KIND, kindNamed } from './kind-argument.js';
import { filterFlagHelp, filterFlags, flagOf } from './kind-flags.js';
import { OUTPUT_NAMES, type OutputName } from './output-formats.js';
import { UsageError } from './usage-error.js';

export { UsageError };

/** One flag of the CLI's own: its type, the placeholder of its value, its help and an example. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly value?: string;
  readonly help: string;
  readonly example: string;
}

/**
 * The flags every kind takes: paging, output and where to send. Each kind
 * adds its filter flags, made from its declaration (see kind-flags.ts).
 */
export const COMMON_FLAGS = {
  'max-items': {
    type: 'string',
    value: 'N',
    help: 'Stop after N items; stderr then gives the --starting-token to continue.',
    example: '--max-items 50',
  },
  'page-size': {
    type: 'string',
    value: 'N',
    help: `Items per request, ${MAX_RESULTS_MIN} to ${MAX_RESULTS_MAX} (default ${MAX_RESULTS_MAX}).`,
    example: '--page-size 100',
  },
  'starting-token': {
    type: 'string',
    value: 'TOKEN',
    help: 'Continue a listing from the token a cut-short run of the same kind printed.',
    example: '--starting-token bj1.eyJ0Ijo…',
  },
  output: {
    type: 'string',
    value: 'FORMAT',
    help: `One of ${OUTPUT_NAMES.join(', ')}: ndjson is the default when stdout is not a terminal, table on a terminal.`,
    example: '--output csv',
  },
  region: {
    type: 'string',
    value: 'REGION',
    help: 'The AWS region; default from the environment, as the AWS CLI does.',
    example: '--region us-west-2',
  },
  profile: {
    type: 'string',
    value: 'NAME',
    help: 'A named profile from your AWS config and credentials files.',
    example: '--profile prod',
  },
  regions: {
    type: 'string',
    value: 'LIST',
    help: 'List several regions as one listing, merged in time order; table and csv gain region and account columns. Comma-separated; not with --region.',
    example: '--regions us-east-1,us-west-2',
  },
  profiles: {
    type: 'string',
    value: 'LIST',
    help: 'List several profiles (accounts) as one listing: each profile in each region of --regions (else in --region, else in its own). Comma-separated; not with --profile.',
    example: '--profiles dev,prod',
  },
  'endpoint-url': {
    type: 'string',
    value: 'URL',
    help: 'Send requests to this endpoint instead of the region’s.',
    example: '--endpoint-url http://127.0.0.1:4010',
  },
  emulator: {
    type: 'boolean',
    help: 'Demo mode: start the embedded Bedrock emulator with a realistic account (jobs of every kind and their models) and list that; with --regions, a different account in each region. No AWS account needed; not with --endpoint-url, --region, --profile or --profiles.',
    example: '--emulator',
  },
  debug: { type: 'boolean', help: 'Show stack traces with errors.', example: '--debug' },
  version: { type: 'boolean', help: 'Print the version of bedrock-jobs.', example: '--version' },
  help: { type: 'boolean', help: 'Show this help.', example: '--help' },
} as const satisfies Record<string, FlagSpec>;

/** The common flags as given: strings, and `true` for a boolean given. */
export type Flags = {
  -readonly [K in keyof typeof COMMON_FLAGS]?: (typeof COMMON_FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** A `list` command line, read: the kind, its common flags, and its filter fields as given (raw strings, or booleans). */
export interface ListCommandLine {
  readonly kind: AnyListingKind;
  readonly flags: Flags;
  /** Filter values by request member (`nameContains`), as the command line gave them. */
  readonly filter: Readonly<Record<string, string | boolean>>;
}

/** `bedrock-jobs list KIND --help` for a kind, `bedrock-jobs list --help` for the default. */
export function helpCommand(kind: AnyListingKind): string {
  return kind === DEFAULT_KIND ? 'bedrock-jobs list --help' : `bedrock-jobs list ${kind.name} --help`;
}

const entry = (usage: string, help: string, example?: string) => [
  `  ${usage}`,
  `      ${help}`,
  ...(example ? [`      e.g. ${example}`] : []),
];

/** `--help`: the kinds, the kind's own filter flags from its declaration, then the common flags. */
export function helpText(kind: AnyListingKind = DEFAULT_KIND): string {
  const lines = [
    'Usage: bedrock-jobs list [KIND] [flags]',
    '',
    `Lists Amazon Bedrock ${kind.noun}s (${kind.operation}), every page, one item per line,`,
    'with throttling retried and read-ahead.',
    '',
    'Kinds (the default is the first):',
    ...LISTING_KINDS.map((each) => `  ${each.name.padEnd(15)}${each.operation}${each === kind ? '   (this help)' : ''}`),
    `Run 'bedrock-jobs list KIND --help' for a kind's flags.`,
    '',
    `Filters of ${kind.name === DEFAULT_KIND.name ? 'the default kind' : `'${kind.name}'`}, with the AWS CLI's names:`,
  ];
  for (const [field, rule] of Object.entries(kind.filters)) {
    const { usage, help, example } = filterFlagHelp(field, rule);
    lines.push(...entry(usage, help, example));
  }
  lines.push('', 'Flags:');
  for (const [name, spec] of Object.entries(COMMON_FLAGS) as [string, FlagSpec][]) {
    lines.push(...entry(`--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.help, spec.example));
  }
  lines.push(
    '',
    'Examples:',
    '  bedrock-jobs list --emulator --max-items 5',
    '  bedrock-jobs list --status-equals Failed --creation-time-after 7d --output csv > failed.csv',
    '  bedrock-jobs list custom-models --emulator --is-owned --output table',
    '  bedrock-jobs list --profiles dev,prod --regions us-east-1,us-west-2 --status-equals InProgress --output table',
    '  bedrock-jobs list invocation --region us-east-1 --submit-time-after 2d --output ndjson | jq -r .jobName',
    '',
    'Exit codes: 0 done, 1 the listing failed (an API error, no region or credentials, or output that could not be written), 2 usage error, 130 interrupted.',
    '',
  );
  return lines.join('\n');
}

/** The kind a `list` command line names: its first word, unless that is a flag. Unknown names are usage errors. */
export function kindOf(args: readonly string[]): AnyListingKind {
  const [first] = args;
  return first === undefined || first.startsWith('-') ? DEFAULT_KIND : kindNamed(first);
}

/** Every flag `kind` takes: its filter flags and the common ones. */
function flagsOf(kind: AnyListingKind): Record<string, FlagSpec & { field?: string; sets?: boolean }> {
  const filters = Object.fromEntries(
    filterFlags(kind).map((flag) => {
      const { example } = filterFlagHelp(flag.field, flag.rule);
      const spec = {
        type: flag.rule.type === 'boolean' ? 'boolean' : 'string',
        help: flag.rule.description,
        example: example ?? `--${flag.flag} ${flag.rule.type === 'text' ? 'TEXT' : 'VALUE'}`,
        field: flag.field,
        ...(flag.sets === undefined ? {} : { sets: flag.sets }),
      } as const;
      return [flag.flag, spec];
    }),
  );
  return { ...filters, ...COMMON_FLAGS };
}

/** For an unknown flag: the kinds that do take it, if any. */
function takenBy(flag: string): string {
  const kinds = LISTING_KINDS.filter((kind) => filterFlags(kind).some((each) => `--${each.flag}` === flag));
  return kinds.length === 0 ? '' : `; it is a flag of ${kinds.map((kind) => `'bedrock-jobs list ${kind.name}'`).join(', ')}`;
}

/** Whether a command-line word is a flag rather than a value: values that start with a dash, such as -3, are values. */
const looksLikeFlag = (arg: string) => arg.startsWith('--');

/**
 * Reads `list`'s flags, strictly: an unknown flag, a missing value or a flag
 * given twice is a usage error. A flag's value is the next word whatever it
 * starts with (`--max-items -3` is a bad number, not an ambiguous option),
 * unless that word is itself a flag.
 */
export function parseFlags(args: readonly string[]): ListCommandLine {
  const kind = kindOf(args);
  const specs = flagsOf(kind);
  if (args[0] !== undefined && !args[0].startsWith('-')) args = args.slice(1);
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const spec: FlagSpec | undefined = looksLikeFlag(arg) ? specs[arg.slice(2)] : undefined;
    if (spec?.type !== 'string') {
      joined.push(arg);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || looksLikeFlag(value)) throw new UsageError(`${arg} needs a value, such as ${spec.example}`);
    joined.push(`${arg}=${value}`);
    i++;
  }
  const parse = () =>
    parseArgs({
      args: joined,
      options: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }])) as Record<
        string,
        { type: 'string' | 'boolean' }
      >,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    const message =
      (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional argument.*$/, '') ?? String(error);
    const unknown = /^Unknown option '(--[^']+)'/.exec(message)?.[1];
    throw new UsageError(unknown ? `${message}${takenBy(unknown)}` : message);
  }
  const { values, positionals, tokens } = parsed;
  if (positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${positionals[0]}': the kind, if any, comes first, as in 'bedrock-jobs list import'`,
    );
  }
  const given = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (given.has(token.name)) {
      const values = token.value === undefined ? '' : ` ('${given.get(token.name)}', then '${token.value}')`;
      throw new UsageError(`--${token.name} is given twice${values}; give it once`);
    }
    given.set(token.name, token.value);
  }
  const flags: Flags = {};
  const filter: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(values)) {
    const spec = specs[name];
    if (spec?.field === undefined) {
      (flags as Record<string, unknown>)[name] = value;
      continue;
    }
    const set = spec.sets ?? value;
    if (filter[spec.field] !== undefined && filter[spec.field] !== set) {
      throw new UsageError(`--${flagOf(spec.field)} and --no-${flagOf(spec.field)} cannot be used together; give one`);
    }
    filter[spec.field] = set as string | boolean;
  }
  checkCombinations(flags);
  return { kind, flags, filter };
}

/**
 * A flag and its list form set the same thing; the emulator is its own
 * endpoint, region and credentials: flags that set those would be ignored.
 */
function checkCombinations(flags: Flags): void {
  for (const name of ['region', 'profile'] as const) {
    if (flags[name] !== undefined && flags[`${name}s`] !== undefined) {
      throw new UsageError(`--${name} and --${name}s cannot be used together: give the ${name} in --${name}s`);
    }
  }
  if (!flags.emulator) return;
  for (const name of ['endpoint-url', 'region', 'profile', 'profiles'] as const) {
    if (flags[name] !== undefined) {
      throw new UsageError(`--emulator and --${name} cannot be used together: --emulator lists its own account`);
    }
  }
}

/** A whole number flag from `min` to `max`, or `undefined` when the flag is not given. */
export function wholeNumber(flag: string, value: string | undefined, min: number, max?: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < min || (max !== undefined && number > max)) {
    const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${flag} must be a whole number ${range}; got '${value}'`);
  }
  return number;
}

/** `--endpoint-url`: an http or https URL, checked here so that a typo is a usage error, not a failed request. */
export function endpointUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UsageError(`--endpoint-url must be an http:// or https:// URL such as http://127.0.0.1:4010; got '${value}'`);
  }
  return value;
}

export function outputFormat(value: string | undefined, stdoutIsTty: boolean): OutputName {
  if (value === undefined) return stdoutIsTty ? 'table' : 'ndjson';
  if (!(OUTPUT_NAMES as readonly string[]).includes(value))
    throw new UsageError(`--output must be one of ${OUTPUT_NAMES.join(', ')}; got '${value}'`);
  return value as OutputName;
}
