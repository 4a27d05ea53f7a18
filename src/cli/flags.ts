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
    help: 'Demo mode: start the embedded Bedrock emulator with realistic jobs and list those. No AWS account needed.',
    example: '--emulator',
  },
  debug: { type: 'boolean', help: 'Show stack traces with errors.', example: '--debug' },
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
    'Exit codes: 0 done, 1 the API failed, 2 usage error, 130 interrupted.',
    '',
  );
  return lines.join('\n');
}

/** Reads `list`'s flags, strictly: an unknown flag or a missing value is a usage error. */
export function parseFlags(args: readonly string[]): Flags {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: Object.fromEntries(Object.entries(FLAGS).map(([name, spec]) => [name, { type: spec.type }])) as Record<
        string,
        { type: 'string' | 'boolean' }
      >,
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    return values as Flags;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional argument.*$/, '') ?? String(error),
    );
  }
}

export function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`--${flag} must be a whole number ≥ ${min}; got '${value}'`);
  return Number(value);
}

export function outputFormat(value: string | undefined, stdoutIsTty: boolean): OutputName {
  if (value === undefined) return stdoutIsTty ? 'table' : 'ndjson';
  if (!(OUTPUT_NAMES as readonly string[]).includes(value))
    throw new UsageError(`--output must be one of ${OUTPUT_NAMES.join(', ')}; got '${value}'`);
  return value as OutputName;
}
