/**
 * What the generators of every kind share: the words names are made of,
 * seeded choices, resource IDs of the service's shape, and time units, so
 * that one account's items read alike.
 */
import { pick, type Random } from '../random.js';

export const HOUR = 3_600_000;

export const TEAMS = ['support', 'search', 'legal', 'claims', 'risk', 'sales', 'hr', 'docs', 'triage', 'fraud'];
export const PURPOSES = ['summarize', 'classify', 'extract', 'qa', 'chat', 'rerank', 'tagging', 'intent', 'sql', 'redact'];

/** Foundation models that batch inference and evaluation jobs run on. */
export const FOUNDATION_MODELS = [
  'amazon.nova-micro-v1:0',
  'amazon.nova-lite-v1:0',
  'amazon.nova-pro-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'meta.llama3-1-8b-instruct-v1:0',
  'mistral.mistral-large-2402-v1:0',
];

/** Another account, which shares some of its custom models with this one. */
export const OTHER_ACCOUNT_ID = '210987654321';

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A value drawn with the given weights. */
export function weighted<T>(random: Random, weights: readonly (readonly [T, number])[]): T {
  let draw = random() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weights) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return (weights.at(-1) as readonly [T, number])[0];
}

/** The 12 lowercase letters and digits that end a Bedrock resource ARN, drawn from the seeded sequence. */
export function seededResourceId(random: Random): string {
  let id = '';
  for (let i = 0; i < 12; i++) id += pick(random, [...ID_CHARS]);
  return id;
}

/** `20261101`: the day part of generated names. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/** A name such as `support-summarize-ft-20261101-00042`, unique by its index. */
export function itemName(random: Random, short: string, createdMs: number, index: number): string {
  return `${pick(random, TEAMS)}-${pick(random, PURPOSES)}-${short}-${dayOf(createdMs)}-${String(index).padStart(5, '0')}`;
}

/**
 * Creation times, newest first, ending shortly before `endingAt`: gaps of
 * up to `maxGapMs`, and about one item in twenty in the same millisecond as
 * the one before, to exercise the tie order.
 */
export function* creationTimes(random: Random, endingAt: number, maxGapMs = 6 * HOUR): Generator<number> {
  let created = endingAt - Math.floor(random() * HOUR);
  for (let i = 0; ; i++) {
    if (i > 0 && random() >= 0.05) created -= 1 + Math.floor(random() * maxGapMs);
    yield created;
  }
}

/** When an ended item ended: after it started, within a day, and before `endingAt`. */
export function endTimeOf(random: Random, createdMs: number, endingAt: number): Date {
  return new Date(createdMs + random() * Math.min(24 * HOUR, endingAt - createdMs));
}
