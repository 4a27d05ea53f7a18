/** The median, min and max of a few runs: ratios from one process run are what these noisy machines can vouch for. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number };
}

/** Runs `measure` `runs` times, alternating with the others in `set` so that drift hits every contender alike. */
export async function interleaved<K extends string>(
  runs: number,
  set: Record<K, () => Promise<number>>,
): Promise<Record<K, Spread>> {
  const results = Object.fromEntries(Object.keys(set).map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let run = 0; run < runs; run++) {
    for (const key of Object.keys(set) as K[]) {
      // A collection between runs, when node was started with --expose-gc, keeps one run's garbage out of the next.
      (globalThis as { gc?: () => void }).gc?.();
      results[key].push(await set[key]());
    }
  }
  return Object.fromEntries(Object.entries(results).map(([key, values]) => [key, spread(values as number[])])) as Record<
    K,
    Spread
  >;
}

export const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const fmtSpread = ({ median, min, max }: Spread, digits = 0) =>
  `${fmt(median, digits)} (${fmt(min, digits)}–${fmt(max, digits)})`;

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
