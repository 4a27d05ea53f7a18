import { parseArgs } from 'node:util';
import { OUTPUT_NAMES, type OutputName } from './output-formats.js';

/** A mistake on the command line: exit code 2, with a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly value?: string;
  readonly help: string;
  readonly example: string;
}

/** The AWS CLI's names for this operation, and this CLI's own few. */
export const FLAGS = {
  'status-equals': {
    type: 'string',
    value: 'STATUS',
    help: 'Only jobs with this status: InProgress, Completed, Failed, Stopping or Stopped.',
    example: '--status-equals Failed',
  },
  'name-contains': {
    type: 'string',
    value: 'TEXT',
    help: 'Only jobs whose name contains this text (case-sensitive).',
    example: '--name-contains support',
  },
  'creation-time-after': {
    type: 'string',
    value: 'TIME',
    help: 'Only jobs created after this time: ISO-8601, or a duration back from now (30m, 12h, 7d, 2w).',
    example: '--creation-time-after 7d',
  },
  'creation-time-before': {
    type: 'string',
    value: 'TIME',
    help: 'Only jobs created before this time, in the same forms.',
    example: '--creation-time-before 2026-01-01T00:00:00Z',
  },
  'sort-by': {
    type: 'string',
    value: 'FIELD',
    help: 'The sort key: CreationTime, the only one the API has.',
    example: '--sort-by CreationTime',
  },
  'sort-order': {
    type: 'string',
    value: 'ORDER',
    help: 'Ascending or Descending (the default).',
    example: '--sort-order Ascending',
  },
  'max-items': {
    type: 'string',
    value: 'N',
    help: 'Stop after N jobs; stderr then gives the --starting-token to continue.',
    example: '--max-items 50',
  },
  'page-size': { type: 'string', value: 'N', help: 'Jobs per request, 1 to 1000 (default 1000).', example: '--page-size 100' },
  'starting-token': {
    type: 'string',
    value: 'TOKEN',
    help: 'Continue a listing from the token a cut-short run printed.',
    example: '--starting-token bj1.eyJ0Ijo…',
  },
  output: {
    type: 'string',
    value: 'FORMAT',
    help: 'json, ndjson (default when stdout is not a terminal), table (default on a terminal) or csv.',
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
  'endpoint-url': {
    type: 'string',
    value: 'URL',
    help: 'Send requests to this endpoint instead of the region’s.',
    example: '--endpoint-url http://127.0.0.1:4010',
  },
  emulator: {
    type: 'boolean',
    help: 'Demo mode: start the embedded Bedrock emulator with realistic jobs and list those. No AWS account needed; not with --endpoint-url, --region or --profile.',
    example: '--emulator',
  },
  debug: { type: 'boolean', help: 'Show stack traces with errors.', example: '--debug' },
  version: { type: 'boolean', help: 'Print the version of bedrock-jobs.', example: '--version' },
  help: { type: 'boolean', help: 'Show this help.', example: '--help' },
} as const satisfies Record<string, FlagSpec>;

export type Flags = { -readonly [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

export function helpText(): string {
  const lines = [
    'Usage: bedrock-jobs list [flags]',
    '',
    'Lists Amazon Bedrock model customization jobs (ListModelCustomizationJobs), every page,',
    'one job per line, with throttling retried and read-ahead.',
    '',
    'Flags:',
  ];
  for (const [name, spec] of Object.entries(FLAGS) as [string, FlagSpec][]) {
    lines.push(`  --${name}${spec.value ? ` ${spec.value}` : ''}`, `      ${spec.help}`, `      e.g. ${spec.example}`);
  }
  lines.push(
    '',
    'Examples:',
    '  bedrock-jobs list --emulator --max-items 5',
    '  bedrock-jobs list --status-equals Failed --creation-time-after 7d --output csv > failed.csv',
    '  bedrock-jobs list --region us-east-1 --output ndjson | jq -r .jobName',
    '',
    'Exit codes: 0 done, 1 the listing failed (an API error, or no region or credentials), 2 usage error, 130 interrupted.',
    '',
  );
  return lines.join('\n');
}

/** Whether a command-line word is a flag rather than a value: values that start with a dash, such as -3, are values. */
const looksLikeFlag = (arg: string) => arg.startsWith('--');

/**
 * Reads `list`'s flags, strictly: an unknown flag, a missing value or a flag
 * given twice is a usage error. A flag's value is the next word whatever it
 * starts with (`--max-items -3` is a bad number, not an ambiguous option),
 * unless that word is itself a flag.
 */
export function parseFlags(args: readonly string[]): Flags {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const spec: FlagSpec | undefined = looksLikeFlag(arg) ? (FLAGS as Record<string, FlagSpec>)[arg.slice(2)] : undefined;
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
      options: Object.fromEntries(Object.entries(FLAGS).map(([name, spec]) => [name, { type: spec.type }])) as Record<
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
    throw new UsageError(
      (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional argument.*$/, '') ?? String(error),
    );
  }
  const { values, positionals, tokens } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const given = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (given.has(token.name)) {
      const values = token.value === undefined ? '' : ` ('${given.get(token.name)}', then '${token.value}')`;
      throw new UsageError(`--${token.name} is given twice${values}; give it once`);
    }
    given.set(token.name, token.value);
  }
  const flags = values as Flags;
  checkCombinations(flags);
  return flags;
}

/** The emulator is its own endpoint, region and credentials: flags that set those would be ignored. */
function checkCombinations(flags: Flags): void {
  if (!flags.emulator) return;
  for (const name of ['endpoint-url', 'region', 'profile'] as const) {
    if (flags[name] !== undefined) {
      throw new UsageError(`--emulator and --${name} cannot be used together: --emulator lists its own jobs`);
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
