import { inspect } from 'node:util';

/** A value as an input error shows it: strings quoted, objects one level deep, on one line. */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  return inspect(value, { depth: 0, breakLength: Number.POSITIVE_INFINITY, maxStringLength: 80, maxArrayLength: 5 });
}

/** An input error that names the field, the value and what is allowed. */
export function inputError<E extends TypeErrorConstructor | RangeErrorConstructor>(
  Kind: E,
  field: string,
  value: unknown,
  allowed: string,
): InstanceType<E> {
  return new Kind(`${field} must be ${allowed}; got ${describeValue(value)}`) as InstanceType<E>;
}

/** The number of single-character edits from `a` to `b` (Levenshtein). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Rejects keys outside `allowed`, suggesting the nearest one, since a
 * misspelt filter (`statusEqual`) would otherwise list everything silently.
 */
export function rejectUnknownKeys(object: object, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const guess = nearestName(key, allowed, 3);
    const hint = guess ? ` Did you mean '${guess}'?` : '';
    throw new TypeError(`${where} has an unknown key '${key}'.${hint} Allowed keys: ${allowed.join(', ')}`);
  }
}

/** The name in `names` fewest edits from `word`, ignoring case, when it is at most `maxEdits` away: a did-you-mean. */
export function nearestName(word: string, names: readonly string[], maxEdits: number): string | undefined {
  const [best] = names
    .map((name) => ({ name, distance: editDistance(word.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  return best && best.distance <= maxEdits ? best.name : undefined;
}

/**
 * Whether `value` is an object literal or `Object.create(null)`. A Date, a
 * Map, an array or a class instance has no keys of its own to check, so
 * taking one as options or a filter would silently mean "no options".
 */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  // Object.prototype of this realm or of another (a vm context), whose own prototype is null.
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** `value` must be a plain object (or undefined); anything else names `where`. */
export function assertOptionalObject(value: unknown, where: string): asserts value is object | undefined {
  if (value === undefined) return;
  if (!isPlainObject(value)) throw inputError(TypeError, where, value, 'a plain object or undefined');
}

/** An optional boolean option: a boolean or undefined. */
export function assertOptionalBoolean(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== 'boolean') throw inputError(TypeError, field, value, 'a boolean');
}

/** An optional callback option: a function or undefined; `shape` shows its parameters in the message. */
export function assertOptionalFunction(value: unknown, field: string, shape?: string): void {
  if (value !== undefined && typeof value !== 'function') {
    throw inputError(TypeError, field, value, shape === undefined ? 'a function' : `a function ${shape}`);
  }
}
