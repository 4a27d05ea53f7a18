/** One contender's requests answered in each second of its run, second 0 first. */
export interface RateSeries {
  readonly label: string;
  readonly perSecond: readonly number[];
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 48, right: 24, bottom: 56, left: 64 };
const COLORS = ['#d9534f', '#f0ad4e', '#2b7bb9', '#5cb85c', '#8e44ad'];

/**
 * Requests per second over time, one step line per contender, and the
 * quota as a dashed line: a standalone SVG with no dependencies, as
 * latency-chart.ts draws its chart.
 */
export function pacingChart(series: readonly RateSeries[], quota: number, title: string): string {
  const seconds = Math.max(...series.map((one) => one.perSecond.length));
  const maxX = Math.ceil(seconds / 10) * 10;
  // Headroom above the highest second, for the legend.
  const maxY = Math.max(10, Math.ceil((Math.max(...series.flatMap((one) => one.perSecond)) * 1.4) / 5) * 5);
  const x = (value: number) => MARGIN.left + (value / maxX) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (value: number) => HEIGHT - MARGIN.bottom - (value / maxY) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${title}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="14">${title}</text>`,
  ];
  const yStep = maxY <= 20 ? 5 : 10;
  for (let tick = 0; tick <= maxY; tick += yStep) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`);
  }
  for (let tick = 0; tick <= maxX; tick += 10) {
    parts.push(`<text x="${x(tick)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${tick}</text>`);
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${y(0)}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(quota)}" y2="${y(quota)}" stroke="#777" stroke-dasharray="6 4"/>`,
    `<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 16}" text-anchor="middle">seconds since the start</text>`,
    `<text transform="translate(18 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">requests answered per second, throttled included</text>`,
  );
  series.forEach((one, index) => {
    const color = COLORS[index % COLORS.length] as string;
    // A step line: each second's count holds across that second.
    const points = one.perSecond.flatMap((count, second) => [
      `${x(second).toFixed(1)},${y(count).toFixed(1)}`,
      `${x(second + 1).toFixed(1)},${y(count).toFixed(1)}`,
    ]);
    parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="1.5" opacity="0.85"/>`);
    const legendY = MARGIN.top + 8 + index * 18;
    parts.push(
      `<line x1="${WIDTH - MARGIN.right - 300}" x2="${WIDTH - MARGIN.right - 276}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${WIDTH - MARGIN.right - 270}" y="${legendY + 4}">${one.label}</text>`,
    );
  });
  // The quota's entry in the legend: a label on its line would sit on the paced series.
  const quotaY = MARGIN.top + 8 + series.length * 18;
  parts.push(
    `<line x1="${WIDTH - MARGIN.right - 300}" x2="${WIDTH - MARGIN.right - 276}" y1="${quotaY}" y2="${quotaY}" stroke="#777" stroke-dasharray="6 4"/>`,
    `<text x="${WIDTH - MARGIN.right - 270}" y="${quotaY + 4}">the quota: ${quota} requests/s</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/**
 * The same series as a text chart for Markdown: one line per contender,
 * one block per second, its height the second's count on a scale where █
 * is the highest count of any series; the quota's own block is shown
 * first, as the yardstick.
 */
export function sparklines(series: readonly RateSeries[], quota: number): string {
  const max = Math.max(...series.flatMap((one) => one.perSecond));
  const block = (count: number) => BLOCKS[count === 0 ? 0 : Math.max(1, Math.round((count / max) * 8))] as string;
  const width = Math.max(...series.map((one) => one.label.length));
  return [
    `${'the quota'.padEnd(width)}  ${block(quota).repeat(Math.max(...series.map((one) => one.perSecond.length)))}  ${quota}/s`,
    ...series.map((one) => `${one.label.padEnd(width)}  ${one.perSecond.map(block).join('')}`),
    `${''.padEnd(width)}  one block a second; █ = ${max} requests answered in the second, throttled included`,
  ].join('\n');
}

/** The same series as text: one row per contender, one figure per second. */
export function perSecondRows(series: readonly RateSeries[]): string {
  const width = Math.max(...series.map((one) => one.label.length));
  return series.map((one) => `${one.label.padEnd(width)}  ${one.perSecond.join(' ')}`).join('\n');
}
