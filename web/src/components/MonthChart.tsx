import * as Plot from '@observablehq/plot';
import type { Administration, Period } from '../lib/types';
import { PlotFigure } from './PlotFigure';

export const PARTY_FILL: Record<string, string> = { Republican: '#d94f4f', Democratic: '#4f73d9' };
export const LAUNCH_COLOR = '#c2410c';
export const DESIGNATION_COLOR = '#1d4e89';
const NO_DATA = '#c9ced6';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const nextMonth = (p: string) => {
  const [y, m] = p.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1));
};

/** Provocations against pressure by month: launch days up, designation actions down, administrations shaded. */
export function MonthChart({ months, administrations, from, to, height = 300, onPickMonth }: {
  months: Period[]; administrations: Administration[]; from: string; to: string; height?: number; onPickMonth?: (period: string) => void;
}) {
  const inRange = months.filter((m) => m.last >= from && m.first <= to);
  const admins = administrations.filter((a) => a.end >= from && a.start <= to).map((a) => ({
    ...a, x1: day(a.start < from ? from : a.start), x2: day(a.end > to ? to : a.end),
  }));
  const make = (width: number) => {
    const narrow = width < 600;
    const max = Math.max(2, ...inRange.map((m) => m.launch_days ?? 0));
    const min = -Math.max(2, ...inRange.map((m) => m.designation_actions ?? 0));
    const fig = Plot.plot({
      width, height, marginLeft: 40, marginTop: 22,
      x: { type: 'utc', domain: [day(from), day(to)], label: null, ticks: narrow ? 4 : 10 },
      y: { domain: [min, max], label: null, grid: true, tickFormat: (d: number) => String(Math.abs(d)) },
      marks: [
        Plot.rect(admins, { x1: 'x1', x2: 'x2', y1: min, y2: max, fill: (a: Administration) => PARTY_FILL[a.party] ?? '#999', fillOpacity: 0.07 }),
        Plot.rect(inRange.filter((m) => m.designation_actions === null), { x1: (m: Period) => day(m.first.slice(0, 7) + '-01'), x2: (m: Period) => nextMonth(m.period), y1: min, y2: 0, fill: NO_DATA, fillOpacity: 0.5 }),
        Plot.text(admins, { x: (a: { x1: Date; x2: Date }) => new Date((+a.x1 + +a.x2) / 2), y: max, dy: -12, text: (a: Administration) => (narrow ? a.president.split(' ').pop() : a.president), fontSize: 11, fill: '#4b5563' }),
        Plot.rectY(inRange, { x1: (m: Period) => day(m.first.slice(0, 7) + '-01'), x2: (m: Period) => nextMonth(m.period), y: (m: Period) => m.launch_days ?? 0, fill: LAUNCH_COLOR, inset: 0.5,
          title: (m: Period) => `${m.period}: ${m.launch_days ?? 'no data'} launch days, ${m.missiles ?? '?'} missiles` }),
        Plot.rectY(inRange, { x1: (m: Period) => day(m.first.slice(0, 7) + '-01'), x2: (m: Period) => nextMonth(m.period), y: (m: Period) => -(m.designation_actions ?? 0), fill: DESIGNATION_COLOR, inset: 0.5,
          title: (m: Period) => `${m.period}: ${m.designation_actions ?? 'no list data'} designation actions, ${m.designated_entities ?? '?'} entities` }),
        Plot.ruleY([0], { stroke: '#333' }),
        ...(onPickMonth ? [Plot.tip(inRange, Plot.pointerX({ x: (m: Period) => day(m.first.slice(0, 7) + '-15'), y: 0, title: (m: Period) => `${m.period}\n${m.launch_days ?? '—'} launch days\n${m.designation_actions ?? '—'} designation actions` }))] : []),
      ],
    });
    if (onPickMonth) fig.addEventListener('click', () => {
      const v = (fig as unknown as { value?: Period }).value;
      if (v) onPickMonth(v.period);
    });
    return fig;
  };
  return (
    <>
      <div className="legend">
        <span><span className="swatch" style={{ background: LAUNCH_COLOR }} />↑ Launch days (missile, satellite)</span>
        <span><span className="swatch" style={{ background: DESIGNATION_COLOR }} />↓ DPRK-related designation actions</span>
        <span><span className="swatch" style={{ background: NO_DATA }} />No designation data held</span>
        <span><span className="swatch" style={{ background: PARTY_FILL.Republican, opacity: 0.35 }} />Republican</span>
        <span><span className="swatch" style={{ background: PARTY_FILL.Democratic, opacity: 0.35 }} />Democratic administration</span>
      </div>
      <PlotFigure make={make} height={height} deps={[inRange, admins.length, from, to]} label={`Launch days and designation actions by month, ${from} to ${to}`} />
    </>
  );
}
