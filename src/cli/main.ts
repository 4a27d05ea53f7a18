#!/usr/bin/env node
/**
 * bedrock-jobs: Bedrock's list operations from the terminal, one kind at a
 * time, with the AWS CLI's flag names, and jobs watched and waited for.
 * `bedrock-jobs --help` for usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { helpFor, topHelpText } from './command-help.js';
import { COMMANDS, type CommandLine, type CommandName, helpCommand, kindOf, parseFlags, UsageError } from './flags.js';
import { DEFAULT_KIND } from './kind-argument.js';
import { Interrupted, type Io, listCommand } from './list-command.js';
import { waitCommand } from './wait-command.js';
import { watchCommand } from './watch-command.js';

// This SDK release still supports Node 20; its notice on every run is noise in a terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `bedrock-jobs 0.1.0`: from the package.json two levels up, as in src/cli and dist/cli alike. */
function versionLine(): string {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `bedrock-jobs ${version}\n`;
}

/** What runs each command. */
const RUN: Readonly<Record<CommandName, (commandLine: CommandLine, io: Io, signal: AbortSignal) => Promise<number>>> = {
  list: listCommand,
  watch: watchCommand,
  wait: waitCommand,
};

const isCommand = (word: string | undefined): word is CommandName => (COMMANDS as readonly string[]).includes(word ?? '');

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--version') {
    process.stdout.write(versionLine());
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(topHelpText());
    return command === undefined ? 2 : 0;
  }
  if (!isCommand(command)) {
    throw new UsageError(`unknown command '${command}'; the commands are ${COMMANDS.join(', ')}`);
  }
  const commandLine = parseFlags(rest, command);
  const { flags } = commandLine;
  if (flags.help) {
    process.stdout.write(helpFor(command, commandLine.kind));
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
    return await RUN[command](commandLine, { stdout: process.stdout, stderr: process.stderr }, controller.signal);
  } finally {
    process.off('SIGINT', interrupt);
  }
}

/** The command the command line names, for the pointer to its help; `list` when it names none that exists. */
function namedCommand(): CommandName {
  const word = process.argv[2];
  return isCommand(word) ? word : 'list';
}

/** The kind the command line names, for the pointer to its help; the default when it names none, or none that exists. */
function namedKind() {
  try {
    return kindOf(process.argv.slice(3), namedCommand());
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
  if (usage) process.stderr.write(`Run '${helpCommand(namedKind(), namedCommand())}' for usage.\n`);
  if (debug) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = usage ? 2 : 1;
}
