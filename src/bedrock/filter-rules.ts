/**
 * The filter fields most list operations share, as rules: each kind's
 * declaration composes them, so a shared field is written once.
 */
import { SortOrder } from '@aws-sdk/client-bedrock';
import type { FilterRule } from './listing-kind.js';

/** `…TimeAfter` and `…TimeBefore`, strict bounds on the kind's time field. `what` is the verb: `created`, `submitted`. */
export function timeBounds(what: string, items: string): { readonly after: FilterRule; readonly before: FilterRule } {
  return {
    after: { type: 'time', bound: 'after', description: `${items} ${what} strictly after this time` },
    before: { type: 'time', bound: 'before', description: `${items} ${what} strictly before this time` },
  };
}

/** `statusEquals`: the kind's own status enum, matched exactly against `status`. */
export function statusEquals(values: Record<string, string>): FilterRule {
  return {
    type: 'enum',
    values: Object.values(values),
    match: { field: 'status', how: 'equals' },
    description: 'jobs with this status',
  };
}

/** A `…Contains` name filter: 1 to 63 characters of the kind's name pattern, a substring of `field`. */
export function nameContains(pattern: RegExp, field: string, description = 'jobs whose name contains this text'): FilterRule {
  return { type: 'text', minLength: 1, maxLength: 63, pattern, match: { field, how: 'contains' }, description };
}

/** `sortBy` (the kind's sort-key enum) and `sortOrder`. */
export function sortRules(sortBy: Record<string, string>): { readonly sortBy: FilterRule; readonly sortOrder: FilterRule } {
  return {
    sortBy: { type: 'enum', values: Object.values(sortBy), description: 'the field to sort by' },
    sortOrder: { type: 'enum', values: Object.values(SortOrder), description: 'the order; default Descending' },
  };
}
