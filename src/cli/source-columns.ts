import { arnParts } from '../bedrock/arn-parts.js';
import type { AnyListingKind } from '../bedrock/listing-kind.js';

/** The columns that a listing over several sources adds, before the kind's own. */
export const SOURCE_COLUMNS = ['region', 'account'] as const;

/** The table's width of each: the longest region name (`ap-southeast-4`) or 12 digits, and a space. */
export const SOURCE_WIDTHS: Readonly<Record<(typeof SOURCE_COLUMNS)[number], number>> = { region: 16, account: 14 };

/**
 * An item's region and account, from its ARN (the summaries carry no other
 * field that says): two empty cells for an item without a readable one.
 */
export function sourceCells(kind: AnyListingKind, summary: Readonly<Record<string, unknown>>): [string, string] {
  const arn = summary[kind.arnField];
  try {
    const { region, accountId } = arnParts(arn as string);
    return [region, accountId];
  } catch {
    return ['', ''];
  }
}
