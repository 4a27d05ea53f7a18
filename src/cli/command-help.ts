/**
 * The help of `bedrock-jobs` itself, of `watch` and of `wait` (`list`'s is
 * in flags.ts), made from the same flag tables that the parser reads.
 */

import { identifierRule } from '../bedrock/job-wait.js';
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { type CommandName, filterHelpLines, flagHelpLines, helpText, JOB_KINDS } from './flags.js';
import { DEFAULT_KIND } from './kind-argument.js';

/** `bedrock-jobs --help`, and what a run with no command prints. */
export function topHelpText(): string {
  return [
    'Usage: bedrock-jobs COMMAND [KIND] [flags]',
    '',
    'Amazon Bedrock jobs and models from the terminal, with the AWS CLI’s flag names.',
    '',
    'Commands:',
    '  list [KIND]        List every item of a kind, one per line.',
    '  watch [KIND]       Print the jobs that match, then each change, until Ctrl-C.',
    '  wait [KIND] JOB…   Wait until the jobs end; exit 0 if all completed, 1 if any failed.',
    '',
    "Run 'bedrock-jobs COMMAND --help' for a command's flags, such as 'bedrock-jobs list --help'.",
    '',
    'Flags:',
    '  --version          Print the version of bedrock-jobs.',
    '  --help             Show this help.',
    '',
  ].join('\n');
}

/** The job kinds, for watch and wait's help. */
function jobKindLines(kind: AnyListingKind): string[] {
  return [
    'Kinds (the default is the first; custom models are not jobs):',
    ...JOB_KINDS.map((each) => `  ${each.name.padEnd(15)}${each.noun}s${each === kind ? '   (this help)' : ''}`),
  ];
}

/** `bedrock-jobs watch [KIND] --help`. */
export function watchHelpText(kind: AnyListingKind = DEFAULT_KIND): string {
  return [
    'Usage: bedrock-jobs watch [KIND] [filters] [flags]',
    '',
    `Prints the ${kind.noun}s that match the filters, then each one created or changed`,
    `(status, last modified or end time), one line per event, from one ${kind.operation}`,
    'listing per poll, until Ctrl-C. A table row on a terminal (for a change, the status is',
    'PREVIOUS → STATUS); one JSON object per line when piped:',
    '  {"type":"added","job":{…}}   {"type":"changed","job":{…},"previous":{…}}',
    'A poll that fails for a reason time may mend (throttling, a server error) is said on',
    'stderr and the watch goes on at the next interval.',
    '',
    ...jobKindLines(kind),
    `Run 'bedrock-jobs watch KIND --help' for a kind's filters.`,
    '',
    `Filters of ${kind === DEFAULT_KIND ? 'the default kind' : `'${kind.name}'`}, as 'bedrock-jobs list' takes them:`,
    ...filterHelpLines(kind),
    '',
    'Flags (--output is table or ndjson):',
    ...flagHelpLines('watch'),
    '',
    'Examples:',
    '  bedrock-jobs watch --status-equals InProgress',
    '  bedrock-jobs watch import --no-initial --interval 1m --output ndjson | jq -c .job.status',
    '  bedrock-jobs watch --regions us-east-1,us-west-2 --creation-time-after 1d',
    '',
    'Exit codes: 1 the watch failed (an API error that time does not mend, no region or credentials), 2 usage error, 130 interrupted (Ctrl-C, the only way a watch ends otherwise).',
    '',
  ].join('\n');
}

/** `bedrock-jobs wait [KIND] --help`. */
export function waitHelpText(kind: AnyListingKind = DEFAULT_KIND): string {
  return [
    'Usage: bedrock-jobs wait [KIND] JOB… [flags]',
    '',
    `Waits until every ${kind.noun} named has ended, from one ${kind.operation} listing per`,
    'poll (and one Get per job at its end). On a terminal, one status line per job, rewritten',
    'as it changes; when piped, one line per change of status (JOB: BEFORE → AFTER).',
    `JOB is ${identifierRule(kind)}. A first word that is a kind's name is the kind.`,
    '',
    ...jobKindLines(kind),
    '',
    'Flags:',
    ...flagHelpLines('wait'),
    '',
    'Examples:',
    '  bedrock-jobs wait support-bot-v2 && echo ready',
    '  bedrock-jobs wait import my-import-a my-import-b --interval 1m --timeout 6h',
    '  bedrock-jobs wait invocation abcdefgh1234 --region us-west-2',
    '',
    `Exit codes: 0 every job ended ${kind.lifecycle?.succeeded.join(' or ') ?? 'Completed'}; 1 any ended otherwise (${kind.lifecycle?.failed.join(', ') ?? 'Failed'}: each named on stderr with its failure message), --timeout passed, or the wait failed (an unknown job, an API error, no region or credentials); 2 usage error (no JOB, a malformed JOB, a bad flag); 130 interrupted.`,
    '',
  ].join('\n');
}

/** The help of a command for a kind. */
export function helpFor(command: CommandName, kind: AnyListingKind): string {
  if (command === 'watch') return watchHelpText(kind);
  if (command === 'wait') return waitHelpText(kind);
  return helpText(kind);
}
