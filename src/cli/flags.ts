import { parseArgs } from 'node:util';
import { MAX_RESULTS_MAX, MAX_RESULTS_MIN } from '../bedrock/api-limits.js';
import { LISTING_KINDS } from '../bedrock/kinds/index.js';
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { DURATION_RULE } from './durations.js';
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

/** The flags of `watch` and `wait`: how often to poll, for how long, and whether to print the current state. */
export const POLL_FLAGS = {
  interval: {
    type: 'string',
    value: 'DURATION',
    help: `Time between the end of one poll and the start of the next, ${DURATION_RULE}; 0 polls back to back (default 30s, each wait jittered by ±10%).`,
    example: '--interval 1m',
  },
  timeout: {
    type: 'string',
    value: 'DURATION',
    help: `Give up after this long, ${DURATION_RULE} and more than 0, and exit 1 (default: no limit).`,
    example: '--timeout 6h',
  },
  'no-initial': {
    type: 'boolean',
    help: 'Print changes only: no `added` line for each job that matches when the watch starts.',
    example: '--no-initial',
  },
} as const satisfies Record<string, FlagSpec>;

/** Every flag outside the kinds' filters. */
const ALL_FLAGS = { ...COMMON_FLAGS, ...POLL_FLAGS };

/** The flags as given: strings, and `true` for a boolean given. */
export type Flags = {
  -readonly [K in keyof typeof ALL_FLAGS]?: (typeof ALL_FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** The CLI's commands. */
export const COMMANDS = ['list', 'watch', 'wait'] as const;
/** One of {@link COMMANDS}. */
export type CommandName = (typeof COMMANDS)[number];

/** What a command takes: which of the flags outside the filters, whether the kind's filter flags, whether JOB arguments. */
interface CommandRule {
  readonly flags: readonly (keyof typeof ALL_FLAGS)[];
  readonly filters: boolean;
  readonly jobs: boolean;
}

/**
 * Each command's flags. `watch` lists as `list` does, without paging flags
 * (it never ends) and in table or ndjson only (one line per event). `wait`
 * names its jobs, and reads them through one client: the library's waits
 * take one client, not several sources.
 */
const COMMAND_RULES: Readonly<Record<CommandName, CommandRule>> = {
  list: { flags: Object.keys(COMMON_FLAGS) as (keyof typeof COMMON_FLAGS)[], filters: true, jobs: false },
  watch: {
    flags: [
      'interval',
      'no-initial',
      'page-size',
      'output',
      'region',
      'profile',
      'regions',
      'profiles',
      'endpoint-url',
      'emulator',
      'debug',
      'version',
      'help',
    ],
    filters: true,
    jobs: false,
  },
  wait: {
    flags: ['interval', 'timeout', 'page-size', 'region', 'profile', 'endpoint-url', 'emulator', 'debug', 'version', 'help'],
    filters: false,
    jobs: true,
  },
};

/** A command line, read: the command, the kind, its flags, its filter fields as given (raw strings, or booleans) and its JOB arguments. */
export interface CommandLine {
  readonly command: CommandName;
  readonly kind: AnyListingKind;
  readonly flags: Flags;
  /** Filter values by request member (`nameContains`), as the command line gave them. */
  readonly filter: Readonly<Record<string, string | boolean>>;
  /** The JOB arguments of `wait`, as given; none for the other commands. */
  readonly jobs: readonly string[];
}

/** A `list` command line. */
export type ListCommandLine = CommandLine;

/** `bedrock-jobs list KIND --help` for a kind, `bedrock-jobs list --help` for the default (and the same for each command). */
export function helpCommand(kind: AnyListingKind, command: CommandName = 'list'): string {
  const plain = kind === DEFAULT_KIND || !COMMAND_RULES[command].filters || (command !== 'list' && !kind.lifecycle);
  return plain ? `bedrock-jobs ${command} --help` : `bedrock-jobs ${command} ${kind.name} --help`;
}

/** The kinds whose jobs run and end: what `watch` and `wait` take. */
export const JOB_KINDS: readonly AnyListingKind[] = LISTING_KINDS.filter((kind) => kind.lifecycle !== undefined);

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
    'with requests paced per quota, throttling retried and read-ahead.',
    '',
    'Kinds (the default is the first):',
    ...LISTING_KINDS.map((each) => `  ${each.name.padEnd(15)}${each.operation}${each === kind ? '   (this help)' : ''}`),
    `Run 'bedrock-jobs list KIND --help' for a kind's flags.`,
    '',
    `Filters of ${kind.name === DEFAULT_KIND.name ? 'the default kind' : `'${kind.name}'`}, with the AWS CLI's names:`,
  ];
  lines.push(...filterHelpLines(kind), '', 'Flags:', ...flagHelpLines('list'));
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

/** The help lines of a command's own flags (not the filters), each with its example. */
export function flagHelpLines(command: CommandName): string[] {
  return COMMAND_RULES[command].flags.flatMap((name) => {
    const spec: FlagSpec = ALL_FLAGS[name];
    return entry(`--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.help, spec.example);
  });
}

/** The help lines of a kind's filter flags. */
export function filterHelpLines(kind: AnyListingKind): string[] {
  return Object.entries(kind.filters).flatMap(([field, rule]) => {
    const { usage, help, example } = filterFlagHelp(field, rule);
    return entry(usage, help, example);
  });
}

/**
 * The kind a command line names: its first word, unless that is a flag.
 * Unknown names are usage errors; for `wait`, whose first word may be a
 * JOB, only a word that is exactly a kind's name is one.
 */
export function kindOf(args: readonly string[], command: CommandName = 'list'): AnyListingKind {
  const [first] = args;
  if (first === undefined || first.startsWith('-')) return DEFAULT_KIND;
  if (COMMAND_RULES[command].jobs) return LISTING_KINDS.find((kind) => kind.name === first) ?? DEFAULT_KIND;
  return kindNamed(first);
}

/** Every flag `kind` takes with `command`: its filter flags, if the command takes them, and the command's own. */
function flagsOf(kind: AnyListingKind, command: CommandName): Record<string, FlagSpec & { field?: string; sets?: boolean }> {
  const rule = COMMAND_RULES[command];
  const own = Object.fromEntries(rule.flags.map((name) => [name, ALL_FLAGS[name] as FlagSpec]));
  if (!rule.filters) return own;
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
  return { ...filters, ...own };
}

/** For an unknown flag: the commands or kinds that do take it, if any. */
function takenBy(flag: string, command: CommandName): string {
  const name = flag.slice(2);
  if (name in ALL_FLAGS) {
    const commands = COMMANDS.filter((each) => (COMMAND_RULES[each].flags as readonly string[]).includes(name));
    return `; it is a flag of ${commands.map((each) => `'bedrock-jobs ${each}'`).join(', ')}`;
  }
  // Named with this command where it takes the kind, else with list.
  const filtering = (kind: AnyListingKind) =>
    COMMAND_RULES[command].filters && (command === 'list' || kind.lifecycle !== undefined) ? command : 'list';
  const kinds = LISTING_KINDS.filter((kind) => filterFlags(kind).some((each) => `--${each.flag}` === flag));
  return kinds.length === 0
    ? ''
    : `; it is a flag of ${kinds.map((kind) => `'bedrock-jobs ${filtering(kind)} ${kind.name}'`).join(', ')}`;
}

/** Whether a command-line word is a flag rather than a value: values that start with a dash, such as -3, are values. */
const looksLikeFlag = (arg: string) => arg.startsWith('--');

/**
 * Reads a command's flags, strictly: an unknown flag, a missing value or a
 * flag given twice is a usage error. A flag's value is the next word
 * whatever it starts with (`--max-items -3` is a bad number, not an
 * ambiguous option), unless that word is itself a flag. `watch` and `wait`
 * take job kinds only: custom models do not run.
 */
export function parseFlags(args: readonly string[], command: CommandName = 'list'): CommandLine {
  const kind = kindOf(args, command);
  const rule = COMMAND_RULES[command];
  if (command !== 'list' && kind.lifecycle === undefined) {
    throw new UsageError(
      `'${kind.name}' are not jobs and cannot be ${command === 'watch' ? 'watched' : 'waited for'}: the kinds that can are ${JOB_KINDS.map((each) => each.name).join(', ')}`,
    );
  }
  const specs = flagsOf(kind, command);
  // The kind word, when given, is not a JOB of wait's.
  if (args[0] === kind.name) args = args.slice(1);
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
    throw new UsageError(unknown ? `${message}${takenBy(unknown, command)}` : message);
  }
  const { values, positionals, tokens } = parsed;
  if (positionals.length > 0 && !rule.jobs) {
    throw new UsageError(
      `unexpected argument '${positionals[0]}': the kind, if any, comes first, as in 'bedrock-jobs ${command} import'`,
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
  return { command, kind, flags, filter, jobs: positionals };
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
