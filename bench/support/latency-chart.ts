/** One measured point: wall time in ms of each listing at one page latency. */
export interface ChartPoint {
  readonly latency: number;
  readonly sdk: number;
  readonly library: number;
  readonly limit: number;
}

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { top: 48, right: 24, bottom: 56, left: 72 };
const SERIES = [
  { key: 'sdk', label: 'SDK paginator loop', color: '#d9534f', dash: '' },
  { key: 'library', label: 'paginateCustomizationJobs (read-ahead 1)', color: '#2b7bb9', dash: '' },
  { key: 'limit', label: 'limit: L + (pages−1)·max(L, C) + C', color: '#777', dash: '6 4' },
] as const;

/** Wall time against page latency, as a standalone SVG with no dependencies. */
export function latencyChart(points: readonly ChartPoint[], title: string): string {
  const maxX = Math.max(...points.map((point) => point.latency));
  const maxY = Math.ceil(Math.max(...points.map((point) => point.sdk)) / 500) * 500;
  const x = (value: number) => MARGIN.left + (value / maxX) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (value: number) => HEIGHT - MARGIN.bottom - (value / maxY) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="14">${title}</text>`,
  ];
  for (let tick = 0; tick <= maxY; tick += maxY / 5) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end">${Math.round(tick)}</text>`);
  }
  for (const point of points) {
    parts.push(`<text x="${x(point.latency)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${point.latency}</text>`);
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${y(0)}" stroke="#333"/>`,
    `<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 16}" text-anchor="middle">page latency L (ms)</text>`,
    `<text transform="translate(18 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">wall time (ms)</text>`,
  );
  SERIES.forEach((series, index) => {
    const path = points.map((point) => `${x(point.latency).toFixed(1)},${y(point[series.key]).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2" stroke-dasharray="${series.dash}"/>`,
    );
    for (const point of points) {
      parts.push(
        `<circle cx="${x(point.latency).toFixed(1)}" cy="${y(point[series.key]).toFixed(1)}" r="3" fill="${series.color}"/>`,
      );
    }
    const legendY = MARGIN.top + 8 + index * 18;
    parts.push(
      `<line x1="${MARGIN.left + 12}" x2="${MARGIN.left + 36}" y1="${legendY}" y2="${legendY}" stroke="${series.color}" stroke-width="2" stroke-dasharray="${series.dash}"/>`,
      `<text x="${MARGIN.left + 42}" y="${legendY + 4}">${series.label}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
