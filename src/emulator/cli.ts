#!/usr/bin/env node
/**
 * Runs the emulator on its own: `npm run emulator -- --port 4010 --jobs 2000 --seed 7`,
 * with every kind of the account (`--import-jobs 50`, …).
 * It prints what a shell needs to reach it, then serves until interrupted.
 * Exit codes: 0 after SIGINT or SIGTERM, 1 when it cannot start, 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { regionAccountId } from './served-regions.js';
import { type Emulator, type EmulatorOptions, startEmulator } from './server.js';

const HELP = `Usage: npm run emulator -- [flags]
       node dist/emulator/cli.js [flags]

A local Amazon Bedrock on 127.0.0.1, serving a generated account until
Ctrl-C: customization jobs, the custom models they made, and import, copy,
batch inference and evaluation jobs. It prints the variables that point the
AWS SDK, the AWS CLI and bedrock-jobs at it.

Flags:
  --port <n>             the port on 127.0.0.1: 0 to 65535, 0 for any free one (default 4010)
  --jobs <n>             how many customization jobs to generate: 0 to 100000 (default 2000)
  --custom-models <n>    custom models beyond those the jobs made: 0 to 100000 (default 200)
  --import-jobs <n>      model import jobs: 0 to 100000 (default 200)
  --copy-jobs <n>        model copy jobs: 0 to 100000 (default 200)
  --invocation-jobs <n>  batch inference jobs: 0 to 100000 (default 500)
  --evaluation-jobs <n>  evaluation jobs: 0 to 100000 (default 500)
  --seed <n>             the same seed gives the same account: an integer (default 1)
  --latency <ms>         wait this long before each answer: 0 to 2147483647 (default 0)
  --regions <list>       serve these regions, comma-separated (us-east-1,us-west-2): each a
                         different account, generated as the flags say, with its own items; a
                         request goes to the region its client signs for (default: one region,
                         us-east-1, answering every request)
  -h, --help             this help

Exit codes: 0 after Ctrl-C or SIGTERM, 1 when it cannot start (a port in
use, say), 2 for a usage error.
`;

/** A mistake in the command line: one line on stderr, exit code 2. */
class UsageError extends Error {}

/** Which flag each of `startEmulator`'s options comes from, to name flags in its messages. */
const FLAG_OF_OPTION: Record<string, string> = {
  'options.port': '--port',
  'options.jobs.count': '--jobs',
  'options.jobs.seed': '--seed',
  'options.customModels.count': '--custom-models',
  'options.importJobs.count': '--import-jobs',
  'options.copyJobs.count': '--copy-jobs',
  'options.invocationJobs.count': '--invocation-jobs',
  'options.evaluationJobs.count': '--evaluation-jobs',
  'options.faults.latency': '--latency',
  'a key of options.regions': '--regions',
};

/** The flag of each kind beyond customization jobs, by its `startEmulator` option. */
const KIND_FLAGS = {
  customModels: 'custom-models',
  importJobs: 'import-jobs',
  copyJobs: 'copy-jobs',
  invocationJobs: 'invocation-jobs',
  evaluationJobs: 'evaluation-jobs',
} as const;

const FLAGS = {
  port: { type: 'string', default: '4010' },
  jobs: { type: 'string', default: '2000' },
  'custom-models': { type: 'string', default: '200' },
  'import-jobs': { type: 'string', default: '200' },
  'copy-jobs': { type: 'string', default: '200' },
  'invocation-jobs': { type: 'string', default: '500' },
  'evaluation-jobs': { type: 'string', default: '500' },
  seed: { type: 'string', default: '1' },
  latency: { type: 'string', default: '0' },
  regions: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseFlags(args: string[]) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; tokens: true; options: typeof FLAGS }>>;
  try {
    parsed = parseArgs({ args, tokens: true, options: FLAGS });
  } catch (error) {
    // parseArgs's own messages suggest `--` and positional arguments, which this command has none of.
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'([^']*)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown flag '${quoted}'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = quoted?.split(' ')[0];
      throw new UsageError(`${flag} needs a value (one that starts with '-' goes as ${flag}=<value>)`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument '${quoted}'; it takes flags only`);
    throw error;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice`);
    seen.add(token.name);
  }
  return parsed.values;
}

/**
 * A plain decimal becomes a number; anything else is passed on as the
 * string, so that `startEmulator`'s check names it as given (`got 'abc'`).
 */
function numberOrText(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** `startEmulator`'s message about an option, reworded to name the flag. */
function asUsageError(error: TypeError | RangeError): Error {
  for (const [option, flag] of Object.entries(FLAG_OF_OPTION)) {
    if (error.message.startsWith(`${option} `)) return new UsageError(flag + error.message.slice(option.length));
  }
  return error;
}

function startFailure(error: unknown, port: number | string): Error {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'EADDRINUSE') return new Error(`port ${port} is in use; choose another with --port, or --port 0 for any free one`);
  if (code === 'EACCES') return new Error(`no permission to listen on port ${port}; choose a port above 1023 with --port`);
  return new Error(`cannot start: ${message}`);
}

/** The regions of `--regions`, each once, or none without it. */
function parseRegions(text: string | undefined): string[] {
  if (text === undefined) return [];
  const regions = text.split(',').map((region) => region.trim());
  if (regions.includes(''))
    throw new UsageError(`--regions needs region names separated by commas, such as us-east-1,us-west-2; got '${text}'`);
  const twice = regions.find((region, index) => regions.indexOf(region) !== index);
  if (twice !== undefined) throw new UsageError(`--regions names ${twice} twice`);
  return regions;
}

/** The banner: every line pastes into a shell as it is. */
function banner(url: string, jobs: number, seed: number, regions: readonly string[]): string {
  const where =
    regions.length === 0
      ? ''
      : ` in each of ${regions.map((region) => `${region} (account ${regionAccountId(region)})`).join(', ')}`;
  const others =
    regions.length > 1
      ? `# Each region is its own account: set AWS_REGION to ${regions.slice(1).join(' or ')} for another.\n`
      : '';
  return `# Bedrock emulator listening on ${url} with ${jobs} jobs (seed ${seed})${where}; Ctrl-C stops it.
# To point the AWS SDK, the AWS CLI or bedrock-jobs at it, in another shell:
export AWS_ENDPOINT_URL_BEDROCK=${url}
export AWS_REGION=${regions[0] ?? 'us-east-1'}
${others}# Dummy credentials: the SDK signs every request, and the emulator checks none.
export AWS_ACCESS_KEY_ID=test
export AWS_SECRET_ACCESS_KEY=test
# On Node 20, silences the SDK's notice that later releases need Node 22:
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
`;
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = numberOrText(flags.port);
  const jobs = numberOrText(flags.jobs);
  const seed = numberOrText(flags.seed);
  // The account ends now (the default), so that it looks current; the one seed gives every kind its items.
  const kinds = Object.fromEntries(
    Object.entries(KIND_FLAGS).map(([option, flag]) => [option, { count: numberOrText(flags[flag]), seed }]),
  );
  const regions = parseRegions(flags.regions);
  // Each region its own account, the same on every run; the kinds' flags are every region's defaults.
  const served =
    regions.length === 0
      ? {}
      : { regions: Object.fromEntries(regions.map((region) => [region, { accountId: regionAccountId(region) }])) };
  const options = { port, jobs: { count: jobs, seed }, ...kinds, faults: { latency: numberOrText(flags.latency) }, ...served };
  let emulator: Emulator;
  try {
    // The flags' values are checked here, by the same rules as any caller's.
    emulator = await startEmulator(options as EmulatorOptions);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw asUsageError(error);
    throw startFailure(error, port);
  }
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  // Before the banner: whoever reads it may signal at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(banner(emulator.url, jobs as number, seed as number, regions));
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const usage = error instanceof UsageError;
  process.stderr.write(`emulator: ${(error as Error).message}\n`);
  if (usage) process.stderr.write("Run 'npm run emulator -- --help' for usage.\n");
  process.exitCode = usage ? 2 : 1;
}
