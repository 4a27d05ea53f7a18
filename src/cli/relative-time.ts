const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A time flag's value: an ISO-8601 time, passed on as it is, or a duration
 * back from now such as `7d`, `12h`, `30m`, `90s` or `2w`.
 */
export function parseTimeFlag(value: string, now: number = Date.now()): string {
  const match = /^(\d+(?:\.\d+)?)([smhdw])$/.exec(value.trim());
  if (!match) return value;
  return new Date(now - Number(match[1]) * (UNITS[match[2] as string] as number)).toISOString();
}
