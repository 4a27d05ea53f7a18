import type { AnyListingKind } from '../bedrock/listing-kind.js';

/** A schema the SDK may give lazily, as a function that returns it. */
const resolve = (schema: unknown): unknown => (typeof schema === 'function' ? (schema as () => unknown)() : schema);

/** A member's own schema: members with traits are `[schema, traits]`. */
const memberSchema = (member: unknown): unknown => {
  const schema = resolve(member);
  return Array.isArray(schema) && schema.length === 2 ? resolve(schema[0]) : schema;
};

/**
 * The scalar fields of a kind's summary (strings, times, numbers,
 * booleans; not the nested structures and lists), in the SDK's own order,
 * read from the operation's output schema: what a CSV row can hold. The
 * SDK's schema is `[9, namespace, name, traits, input, output]`, its
 * output and summary `[3, namespace, name, traits, memberNames,
 * memberSchemas]` and the list `[1, namespace, name, traits, member]`,
 * a member with traits `[schema, traits]`, scalars being numbers. Should that shape ever change, the kind's ARN and
 * columns are what is left.
 */
export function summaryFields(kind: AnyListingKind): readonly string[] {
  const declared = [kind.arnField, ...(kind.columns as readonly string[])];
  try {
    const output = resolve(kind.schemas.operation[5]) as readonly unknown[];
    const members = output[4] as readonly string[];
    const list = memberSchema((output[5] as readonly unknown[])[members.indexOf(kind.itemsKey)]) as readonly unknown[];
    const summary = memberSchema(list[4]) as readonly unknown[];
    const names = summary[4] as readonly string[];
    const types = summary[5] as readonly unknown[];
    const scalars = names.filter((_, index) => typeof memberSchema(types[index]) === 'number');
    return scalars.includes(kind.arnField) ? [...new Set([...declared, ...scalars])] : declared;
  } catch {
    return declared;
  }
}
