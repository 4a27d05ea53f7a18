#!/usr/bin/env node
/**
 * bedrock-jobs: Bedrock's list operations from the terminal, one kind at a
 * time, with the AWS CLI's flag names. `bedrock-jobs list --help` for usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { helpCommand, helpText, kindOf, parseFlags, UsageError } from './flags.js';
import { DEFAULT_KIND } from './kind-argument.js';
import { Interrupted, listCommand } from './list-command.js';

// This SDK release still supports Node 20; its notice on every run is noise in a terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `bedrock-jobs 0.1.0`: from the package.json two levels up, as in src/cli and dist/cli alike. */
function versionLine(): string {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `bedrock-jobs ${version}\n`;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--version') {
    process.stdout.write(versionLine());
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(helpText());
    return command === undefined ? 2 : 0;
  }
  if (command !== 'list') throw new UsageError(`unknown command '${command}'; the only command is 'list'`);
  const commandLine = parseFlags(rest);
  const { flags } = commandLine;
  if (flags.help) {
    process.stdout.write(helpText(commandLine.kind));
    return 0;
  }
  if (flags.version) {
    process.stdout.write(versionLine());
    return 0;
  }
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Interrupted('interrupted'));
  };
  process.on('SIGINT', interrupt);
  // A closed pipe (| head) ends the listing quietly; any other failure to write (a full disk) is said, and exits 1.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`bedrock-jobs: cannot write the output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
  try {
    return await listCommand(commandLine, { stdout: process.stdout, stderr: process.stderr }, controller.signal);
  } finally {
    process.off('SIGINT', interrupt);
  }
}

/** The kind the command line names, for the pointer to its help; the default when it names none, or none that exists. */
function namedKind() {
  try {
    return kindOf(process.argv.slice(3));
  } catch {
    return DEFAULT_KIND;
  }
}

const debug =
  parseArgs({ args: process.argv.slice(2), options: { debug: { type: 'boolean' } }, strict: false }).values.debug === true;
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const usage = error instanceof UsageError;
  process.stderr.write(`bedrock-jobs: ${(error as Error).message}\n`);
  if (usage) process.stderr.write(`Run '${helpCommand(namedKind())}' for usage.\n`);
  if (debug) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = usage ? 2 : 1;
}
