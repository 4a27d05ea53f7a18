import { assertOptionalObject, describeValue, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import { EARLIEST_TIME, isSendableTime, LATEST_TIME, parseIsoTime, referencePattern } from './api-limits.js';
import type { AnyListingKind, FilterRule } from './listing-kind.js';

/** What a rule allows, in words: one sentence for the library's errors, the CLI's help and the docs. */
export function allowedBy(rule: FilterRule): string {
  switch (rule.type) {
    case 'enum':
      return `one of ${rule.values.join(', ')}`;
    case 'text':
      return `${rule.minLength} to ${rule.maxLength} characters matching ${referencePattern(rule.pattern)}`;
    case 'time':
      return 'a valid Date or an ISO-8601 string such as 2026-01-31T12:00:00Z';
    case 'boolean':
      return 'a boolean';
  }
}

function checkTime(value: unknown, field: string, rule: FilterRule): Date {
  let ms: number | undefined;
  if (value instanceof Date) {
    ms = value.getTime();
    if (Number.isNaN(ms)) throw inputError(RangeError, field, value, allowedBy(rule));
  } else {
    if (typeof value !== 'string') throw inputError(TypeError, field, value, allowedBy(rule));
    ms = parseIsoTime(value);
    if (ms === undefined) throw inputError(RangeError, field, value, allowedBy(rule));
  }
  // A string goes out as the Date it names, in UTC, so its offset can move it past a year's end too.
  if (!isSendableTime(ms)) {
    const range = `a time from ${EARLIEST_TIME} to ${LATEST_TIME}, the years that the API's ISO-8601 form takes`;
    throw inputError(RangeError, field, value, range);
  }
  return new Date(ms);
}

/** One field checked against its rule; returns the value as the request carries it. */
function checkField(value: unknown, field: string, rule: FilterRule): unknown {
  switch (rule.type) {
    case 'time':
      return checkTime(value, field, rule);
    case 'boolean':
      if (typeof value !== 'boolean') throw inputError(TypeError, field, value, allowedBy(rule));
      return value;
    case 'enum':
      if (typeof value !== 'string') throw inputError(TypeError, field, value, allowedBy(rule));
      if (!rule.values.includes(value)) throw inputError(RangeError, field, value, allowedBy(rule));
      return value;
    case 'text':
      if (typeof value !== 'string') throw inputError(TypeError, field, value, allowedBy(rule));
      if (value.length < rule.minLength || value.length > rule.maxLength || !rule.pattern.test(value)) {
        throw inputError(RangeError, field, value, allowedBy(rule));
      }
      return value;
  }
}

/**
 * Checks a filter as the API would, from the kind's table, before any
 * request, and returns the request fields, copied: the caller's object is
 * never touched again. Times become `Date`s, and the lower bound must be
 * earlier than the upper.
 */
export function validateFilter<Fields extends object>(kind: AnyListingKind, filter: unknown): Fields {
  assertOptionalObject(filter, 'filter');
  if (filter === undefined) return {} as Fields;
  const rules = kind.filters as Readonly<Record<string, FilterRule>>;
  rejectUnknownKeys(filter, Object.keys(rules), 'filter');
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) fields[key] = checkField(value, `filter.${key}`, rules[key] as FilterRule);
  }
  const bound = (which: 'after' | 'before') =>
    Object.keys(rules).find((key) => {
      const rule = rules[key] as FilterRule;
      return rule.type === 'time' && rule.bound === which;
    });
  const [after, before] = [bound('after'), bound('before')];
  if (after && before && fields[after] instanceof Date && fields[before] instanceof Date && fields[after] >= fields[before]) {
    throw new RangeError(
      `filter.${after} must be earlier than filter.${before}; got ${describeValue(fields[after])} and ${describeValue(fields[before])}`,
    );
  }
  return fields as Fields;
}
