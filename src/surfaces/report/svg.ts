/**
 * Hand-made inline SVG for the report: the provocations-vs-pressure chart by month, and a small map of the
 * maritime findings over Natural Earth land (world-atlas, 1:50m). No scripts, no external references: the SVG
 * prints and renders offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { PointFinding } from '../../analyses/mandates/ports.js';

export const esc = (s: unknown): string => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface MonthBar {
  /** 'YYYY-MM' */
  period: string;
  up: number | null;
  down: number | null;
  marker: boolean;
}

export interface Band {
  label: string;
  start: string;
  end: string;
}

/**
 * A mirrored monthly bar chart: `up` above the axis (launch days), `down` below (designation actions), markers for
 * nuclear tests, shaded bands for administrations. Null values (no data) are drawn as a hatched gap, never as zero.
 */
export function mirroredBars(rows: readonly MonthBar[], opts: { upLabel: string; downLabel: string; markerLabel: string; bands?: readonly Band[]; width?: number; title: string }): string {
  const W = opts.width ?? 720;
  const H = 312;
  const left = 36;
  const right = 12;
  const top = 34;
  const mid = 158;
  const bottom = 274;
  const n = rows.length || 1;
  const bw = (W - left - right) / n;
  const maxUp = Math.max(1, ...rows.map((r) => r.up ?? 0));
  const maxDown = Math.max(1, ...rows.map((r) => r.down ?? 0));
  const yUp = (v: number) => mid - (v / maxUp) * (mid - top - 8);
  const yDown = (v: number) => mid + (v / maxDown) * (bottom - mid - 14);
  const x = (i: number) => left + i * bw;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(opts.title)}" class="chart">`);
  out.push('<defs><pattern id="nodata" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="4" fill="#ccc"/></pattern></defs>');
  // Administration bands.
  (opts.bands ?? []).forEach((b, bi) => {
    const i0 = rows.findIndex((r) => r.period >= b.start.slice(0, 7));
    let i1 = rows.findIndex((r) => r.period >= b.end.slice(0, 7));
    if (i0 < 0) return;
    if (i1 < 0) i1 = rows.length;
    out.push(`<rect x="${x(i0).toFixed(1)}" y="${top - 14}" width="${(x(i1) - x(i0)).toFixed(1)}" height="${bottom - top + 36}" fill="${bi % 2 ? '#eef1f4' : '#f8f9fa'}"/>`);
    // The label fits its band: the full name, else the surname, else nothing (the caption names the terms).
    const room = x(i1) - x(i0) - 4;
    const label = [b.label, b.label.split(' ').slice(-1)[0]].find((l) => l.length * 6 <= room);
    if (label) out.push(`<text x="${(x(i0) + 3).toFixed(1)}" y="${bottom + 22}" class="band">${esc(label)}</text>`);
  });
  // Axes and gridlines: integer ticks at the maximum and about half of it.
  const ticks = (max: number) => [...new Set([max, max >= 4 ? Math.round(max / 2) : 0].filter((v) => v > 0))];
  for (const vu of ticks(maxUp)) out.push(`<line x1="${left}" x2="${W - right}" y1="${yUp(vu).toFixed(1)}" y2="${yUp(vu).toFixed(1)}" class="grid"/><text x="${left - 4}" y="${(yUp(vu) + 3).toFixed(1)}" class="tick" text-anchor="end">${vu}</text>`);
  for (const vd of ticks(maxDown)) out.push(`<line x1="${left}" x2="${W - right}" y1="${yDown(vd).toFixed(1)}" y2="${yDown(vd).toFixed(1)}" class="grid"/><text x="${left - 4}" y="${(yDown(vd) + 3).toFixed(1)}" class="tick" text-anchor="end">${vd}</text>`);
  rows.forEach((r, i) => {
    const bx = (x(i) + bw * 0.12).toFixed(1);
    const w = Math.max(0.8, bw * 0.76).toFixed(1);
    if (r.up === null) out.push(`<rect x="${bx}" y="${top}" width="${w}" height="${mid - top}" fill="url(#nodata)"/>`);
    else if (r.up > 0) out.push(`<rect x="${bx}" y="${yUp(r.up).toFixed(1)}" width="${w}" height="${(mid - yUp(r.up)).toFixed(1)}" class="up"><title>${esc(r.period)}: ${r.up} ${esc(opts.upLabel)}</title></rect>`);
    if (r.down === null) out.push(`<rect x="${bx}" y="${mid}" width="${w}" height="${bottom - mid - 14}" fill="url(#nodata)"/>`);
    else if (r.down > 0) out.push(`<rect x="${bx}" y="${mid}" width="${w}" height="${(yDown(r.down) - mid).toFixed(1)}" class="down"><title>${esc(r.period)}: ${r.down} ${esc(opts.downLabel)}</title></rect>`);
    if (r.marker) out.push(`<path d="M${(x(i) + bw / 2).toFixed(1)} ${top - 2} l4 -7 h-8 z" class="marker"><title>${esc(r.period)}: ${esc(opts.markerLabel)}</title></path>`);
    if (r.period.endsWith('-01')) {
      out.push(`<line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${mid - 3}" y2="${mid + 3}" class="axis"/>`);
      out.push(`<text x="${(x(i) + 2).toFixed(1)}" y="${bottom + 10}" class="tick">${r.period.slice(0, 4)}</text>`);
    }
  });
  out.push(`<line x1="${left}" x2="${W - right}" y1="${mid}" y2="${mid}" class="axis"/>`);
  // Legend on one line above the plot.
  out.push(`<text x="${left}" y="10" class="legend"><tspan class="up-t">▲ ${esc(opts.upLabel)}</tspan> per month (above the line) · <tspan class="down-t">▼ ${esc(opts.downLabel)}</tspan> per month (below) · ▼ black: ${esc(opts.markerLabel)} · hatched: no data</text>`);
  out.push('</svg>');
  return out.join('');
}

/** A horizontal bar chart (label, value), for small counts. */
export function hbars(items: readonly { label: string; value: number; note?: string }[], opts: { title: string; width?: number }): string {
  const W = opts.width ?? 640;
  const row = 20;
  const left = 250;
  const H = items.length * row + 10;
  const max = Math.max(1, ...items.map((i) => i.value));
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(opts.title)}" class="chart">`];
  items.forEach((it, i) => {
    const y = 4 + i * row;
    const w = ((W - left - 60) * it.value) / max;
    out.push(`<text x="${left - 6}" y="${y + 13}" text-anchor="end" class="label">${esc(it.label)}</text>`);
    out.push(`<rect x="${left}" y="${y + 2}" width="${w.toFixed(1)}" height="${row - 6}" class="down"/>`);
    out.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + 13}" class="tick">${it.value}${it.note ? ` ${esc(it.note)}` : ''}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

type Ring = [number, number][];
let landCache: Ring[][] | undefined;

/** Natural Earth land polygons (world-atlas land-50m), or [] when the package is not installed. */
function land(): Ring[][] {
  if (landCache) return landCache;
  try {
    const req = createRequire(import.meta.url);
    const topo = JSON.parse(readFileSync(req.resolve('world-atlas/land-50m.json'), 'utf8'));
    const geo = feature(topo, topo.objects.land) as unknown as { features?: { geometry: { type: string; coordinates: unknown } }[]; geometry?: { type: string; coordinates: unknown } };
    const geoms = geo.features ? geo.features.map((f) => f.geometry) : geo.geometry ? [geo.geometry] : [];
    const polys: Ring[][] = [];
    for (const g of geoms) {
      if (g.type === 'Polygon') polys.push(g.coordinates as Ring[]);
      else if (g.type === 'MultiPolygon') polys.push(...(g.coordinates as Ring[][]));
    }
    landCache = polys;
  } catch {
    landCache = [];
  }
  return landCache;
}

const KIND_COLOR: Record<string, string> = { sts_transfer: '#b2182b', dprk_port_call: '#2166ac', identity_change: '#7b3294', foreign_port_call: '#1b7837' };

/**
 * A small equirectangular map of the findings: land in grey, each point numbered (the number is the row of the
 * table under the map). The extent covers the points with a margin, and at least the seas around the Korean peninsula.
 */
export function findingsMap(points: readonly PointFinding[], opts: { width?: number; title: string }): string {
  const W = opts.width ?? 640;
  let [minLon, minLat, maxLon, maxLat] = [116, 33, 134, 42.5];
  for (const p of points) {
    minLon = Math.min(minLon, p.lon - 2);
    maxLon = Math.max(maxLon, p.lon + 2);
    minLat = Math.min(minLat, p.lat - 2);
    maxLat = Math.max(maxLat, p.lat + 2);
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const H = Math.round((W * (maxLat - minLat)) / ((maxLon - minLon) * k));
  const px = (lon: number) => ((lon - minLon) / (maxLon - minLon)) * W;
  const py = (lat: number) => ((maxLat - lat) / (maxLat - minLat)) * H;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(opts.title)}" class="map">`];
  out.push(`<defs><clipPath id="mapclip"><rect width="${W}" height="${H}"/></clipPath></defs><rect width="${W}" height="${H}" fill="#eaf1f7"/><g clip-path="url(#mapclip)">`);
  const paths: string[] = [];
  for (const poly of land()) {
    const outer = poly[0];
    if (!outer?.length) continue;
    let bx0 = 180, bx1 = -180, by0 = 90, by1 = -90;
    for (const [lon, lat] of outer) { bx0 = Math.min(bx0, lon); bx1 = Math.max(bx1, lon); by0 = Math.min(by0, lat); by1 = Math.max(by1, lat); }
    if (bx1 < minLon - 1 || bx0 > maxLon + 1 || by1 < minLat - 1 || by0 > maxLat + 1) continue;
    for (const ring of poly) {
      let d = '';
      let lx = NaN, ly = NaN;
      for (const [lon, lat] of ring) {
        const x = px(lon), y = py(lat);
        if (Math.abs(x - lx) < 0.6 && Math.abs(y - ly) < 0.6) continue;
        d += `${d ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
        lx = x; ly = y;
      }
      if (d) paths.push(`${d}Z`);
    }
  }
  out.push(`<path d="${paths.join('')}" fill="#d9d9d4" stroke="#a9a9a0" stroke-width="0.5" fill-rule="evenodd"/>`);
  // Graticule every 5 degrees.
  for (let lon = Math.ceil(minLon / 5) * 5; lon <= maxLon; lon += 5) out.push(`<line x1="${px(lon).toFixed(1)}" x2="${px(lon).toFixed(1)}" y1="0" y2="${H}" class="grat"/><text x="${(px(lon) + 2).toFixed(1)}" y="${H - 3}" class="tick">${lon}°E</text>`);
  for (let lat = Math.ceil(minLat / 5) * 5; lat <= maxLat; lat += 5) out.push(`<line y1="${py(lat).toFixed(1)}" y2="${py(lat).toFixed(1)}" x1="0" x2="${W}" class="grat"/><text y="${(py(lat) - 2).toFixed(1)}" x="2" class="tick">${lat}°N</text>`);
  out.push('</g>');
  points.forEach((p, i) => {
    const x = px(p.lon).toFixed(1), y = py(p.lat).toFixed(1);
    out.push(`<g><circle cx="${x}" cy="${y}" r="8" fill="${KIND_COLOR[p.kind] ?? '#444'}" stroke="#fff" stroke-width="1.2"><title>${esc(p.label)} (${esc(p.date)})</title></circle><text x="${x}" y="${(Number(y) + 3).toFixed(1)}" class="pt" text-anchor="middle">${i + 1}</text></g>`);
  });
  const legend = Object.entries(KIND_COLOR).filter(([kind]) => points.some((p) => p.kind === kind));
  legend.forEach(([kind, color], i) => out.push(`<circle cx="${W - 150}" cy="${12 + i * 16}" r="5" fill="${color}"/><text x="${W - 140}" y="${16 + i * 16}" class="legend">${esc(kind.replace(/_/g, ' '))}</text>`));
  out.push('</svg>');
  return out.join('');
}
