import * as Plot from '@observablehq/plot';
import { Link } from '../components/Link';
import { DESIGNATION_COLOR, LAUNCH_COLOR, MonthChart, PARTY_FILL } from '../components/MonthChart';
import { PlotFigure } from '../components/PlotFigure';
import { ErrorBox, Loading } from '../components/States';
import { Table } from '../components/Table';
import { useApi } from '../lib/api';
import { fmtInt, today } from '../lib/format';
import { useParams } from '../lib/router';
import type { Administration, Designation, Evidence, Launch, Lag, NuclearTest, TimelineReport } from '../lib/types';

/** One mark on the event strip: a launch day, a nuclear test or a designation action. */
interface Item {
  key: string;
  kind: 'launch' | 'nuclear test' | 'designation';
  lane: string;
  date: string;
  what: string;
  lag?: Lag;
  evidence: Evidence[];
  entities?: Designation['records'];
  ids?: string[];
}

const DEFAULT_FROM = '2017-01-01';
const PRESETS: [string, string, string][] = [['2017', '2017-01-01', '2017-12-31'], ['2016–2018', '2016-01-01', '2018-12-31'], ['2019–2021', '2019-01-01', '2021-12-31'], ['2022–now', '2022-01-01', ''], ['2006–now', '2006-01-01', '']];
const CLASS_LANES: Record<string, string> = { ballistic: 'Ballistic launch', cruise: 'Cruise launch', satellite: 'Satellite launch', other: 'Other launch' };
const LIST_LANES: Record<string, string> = { us_ofac_sdn: 'OFAC SDN', un_sc_sanctions: 'UN Security Council', gb_hmt_sanctions: 'UK HMT', eu_fsf: 'EU' };
const LANE_COLOR = (lane: string) => (lane.includes('launch') ? LAUNCH_COLOR : lane === 'Nuclear test' ? '#111' : DESIGNATION_COLOR);

function items(r: TimelineReport): Item[] {
  const launch = (l: Launch, i: number): Item => ({
    key: `L${l.date}-${i}`, kind: 'launch', lane: CLASS_LANES[l.class] ?? 'Other launch', date: l.date, lag: l.response?.any_list, evidence: l.evidence,
    what: `${l.class} launch${l.missiles ? `, ${l.missiles} missile${l.missiles === 1 ? '' : 's'}` : ''}${l.missile_types?.length ? ` (${l.missile_types.join(', ')})` : ''}`,
  });
  const test = (n: NuclearTest): Item => ({ key: `N${n.date}`, kind: 'nuclear test', lane: 'Nuclear test', date: n.date, what: `nuclear test${n.ordinal ? ` #${n.ordinal}` : ''}`, lag: n.response?.any_list, evidence: n.evidence });
  const des = (d: Designation, i: number): Item => ({
    key: `D${d.date}-${d.list}-${i}`, kind: 'designation', lane: LIST_LANES[d.list] ?? d.list, date: d.date, evidence: d.evidence, entities: d.records, ids: d.entities,
    what: `${d.entities.length} DPRK-related entr${d.entities.length === 1 ? 'y' : 'ies'} designated (${d.programs.join(', ') || 'no programme'})${d.date_precision === 'between' ? `, between ${d.after} and ${d.date}` : ''}`,
  });
  return [...r.launches.map(launch), ...r.nuclear_tests.map(test), ...r.designations.map(des)].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

function lagText(l?: Lag): string {
  if (!l) return '';
  if (l.status === 'observed') return `${l.lag_days} days (${l.next_action?.list} on ${l.next_action?.date})`;
  if (l.status === 'censored') return `none within ${l.censored_after_days} days (data ends)`;
  return 'no list data for that day';
}

export function Timeline() {
  const [params, setParams] = useParams();
  const from = params.get('from') || DEFAULT_FROM;
  const to = params.get('to') || '';
  const sel = params.get('sel') ?? '';
  const tl = useApi<TimelineReport>(`/timeline?from=${from}${to ? `&to=${to}` : ''}`);
  const r = tl.data;
  const end = to || (r ? r.range.last : today());
  const all = r ? items(r) : [];
  const selected = all.find((i) => i.key === sel);
  const admins = r?.administrations.filter((a) => a.end >= from && a.start <= end && (a.launch_days || a.designation_actions)) ?? [];
  const zoomYear = (period: string) => setParams({ from: `${period.slice(0, 4)}-01-01`, to: `${period.slice(0, 4)}-12-31`, sel: null }, { push: true });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Provocations and pressure</h1>
          <p className="muted">Missile launches and nuclear tests against DPRK-related designations, with the lag from each launch to the next designation action.</p>
        </div>
      </div>
      <form className="card row" onSubmit={(e) => e.preventDefault()} aria-label="Time window">
        <label className="field">From<input type="date" value={from} onChange={(e) => e.target.value && setParams({ from: e.target.value, sel: null })} /></label>
        <label className="field">To<input type="date" value={to} onChange={(e) => setParams({ to: e.target.value, sel: null })} /></label>
        <div className="chips" role="group" aria-label="Presets">
          {PRESETS.map(([name, f, t]) => <button key={name} type="button" className="small" aria-pressed={from === f && to === t} onClick={() => setParams({ from: f, to: t, sel: null }, { push: true })}>{name}</button>)}
        </div>
      </form>
      {tl.error ? <ErrorBox error={tl.error} what="the timeline" /> : null}
      {!r && !tl.error ? <Loading what="the timeline" height={700} /> : null}
      {r ? (
        <div style={{ opacity: tl.loading ? 0.6 : 1 }}>
          <div className="stats">
            <div className="stat"><div className="stat-label">Launch days</div><div className="stat-value">{fmtInt(r.summary.launch_days)}</div><div className="stat-note">{fmtInt(r.summary.ballistic_launch_days)} ballistic</div></div>
            <div className="stat"><div className="stat-label">Nuclear tests</div><div className="stat-value">{fmtInt(r.summary.nuclear_tests)}</div><div className="stat-note">&nbsp;</div></div>
            <div className="stat"><div className="stat-label">Designation actions</div><div className="stat-value">{fmtInt(r.summary.designation_actions)}</div><div className="stat-note">{fmtInt(r.summary.designated_entities)} entities</div></div>
            <div className="stat"><div className="stat-label">Median response lag</div><div className="stat-value">{r.summary.median_response_lag_days === null ? '—' : `${r.summary.median_response_lag_days} d`}</div><div className="stat-note">launch → next designation</div></div>
          </div>
          <section className="card" aria-labelledby="month-h">
            <h2 id="month-h" style={{ marginTop: 0 }}>By month</h2>
            <p className="muted small-text">Click a month to zoom to its year.</p>
            <MonthChart months={r.periods.month} administrations={r.administrations} from={from} to={end} height={260} onPickMonth={zoomYear} />
          </section>
          <section className="card" aria-labelledby="strip-h">
            <h2 id="strip-h" style={{ marginTop: 0 }}>Every event, <span className="nowrap">{from}</span> to <span className="nowrap">{end}</span></h2>
            <p className="muted small-text">Click a mark (or a row of the table below) to see its evidence.</p>
            <EventStrip items={all} admins={r.administrations} from={from} to={end} selected={sel} onSelect={(k) => setParams({ sel: k })} />
          </section>
          <div className="split">
            <Table caption="Events" csv={`timeline-${from}-${end}`} rows={all} rowKey={(i) => i.key} selected={sel} pageSize={60}
              onRowClick={(i) => setParams({ sel: i.key })}
              columns={[
                { key: 'date', label: 'Date', value: (i) => i.date, nowrap: true },
                { key: 'kind', label: 'Kind', value: (i) => i.lane },
                { key: 'what', label: 'What', value: (i) => i.what },
                { key: 'lag', label: 'Response lag', value: (i) => (i.lag?.status === 'observed' ? i.lag.lag_days : i.lag ? i.lag.status : null), numeric: true, wide: true,
                  render: (i) => (i.lag ? (i.lag.status === 'observed' ? `${i.lag.lag_days} d` : i.lag.status.replace(/_/g, ' ')) : '') },
              ]} />
            <aside className="card panel" aria-live="polite" style={{ alignSelf: 'start', minHeight: 200 }}>
              {selected ? <EvidencePanel item={selected} /> : <p className="muted">Select an event to see its evidence: the source rows it rests on and, for a launch, the designation action that followed.</p>}
            </aside>
          </div>
          <Table caption="By administration" csv={`timeline-administrations-${from}-${end}`} rows={admins} rowKey={(a) => a.president + a.start}
            columns={[
              { key: 'president', label: 'Administration', value: (a) => a.president },
              { key: 'start', label: 'From', value: (a) => a.start, nowrap: true, wide: true },
              { key: 'launch_days', label: 'Launch days', value: (a) => a.launch_days, numeric: true },
              { key: 'nuclear', label: 'Nuclear tests', value: (a) => a.nuclear_tests, numeric: true, wide: true },
              { key: 'actions', label: 'Designation actions', value: (a) => a.designation_actions, numeric: true },
              { key: 'lag', label: 'Median lag (days)', value: (a) => a.median_response_lag_days, numeric: true },
            ]} />
          {r.warnings.length ? <details><summary>What the data lacks ({r.warnings.length})</summary><ul className="small-text">{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul></details> : null}
        </div>
      ) : null}
    </>
  );
}

function EventStrip({ items: data, admins, from, to, selected, onSelect }: { items: Item[]; admins: Administration[]; from: string; to: string; selected: string; onSelect: (key: string) => void }) {
  const lanes = [...Object.values(CLASS_LANES), 'Nuclear test', ...new Set(data.filter((i) => i.kind === 'designation').map((i) => i.lane))].filter((l) => data.some((i) => i.lane === l));
  const height = 60 + Math.max(3, lanes.length) * 34;
  const day = (s: string) => new Date(`${s}T12:00:00Z`);
  const make = (width: number) => {
    const ad = admins.filter((a) => a.end >= from && a.start <= to).map((a) => ({ ...a, x1: day(a.start < from ? from : a.start), x2: day(a.end > to ? to : a.end) }));
    const fig = Plot.plot({
      width, height, marginLeft: width < 600 ? 110 : 150, marginTop: 10,
      x: { type: 'utc', domain: [day(from), day(to)], label: null, ticks: width < 600 ? 4 : 10 },
      y: { domain: lanes, label: null },
      marks: [
        Plot.rect(ad, { x1: 'x1', x2: 'x2', fill: (a: Administration) => PARTY_FILL[a.party] ?? '#999', fillOpacity: 0.07 }),
        Plot.gridY({ stroke: '#ddd', strokeOpacity: 1 }),
        Plot.dot(data, { x: (i: Item) => day(i.date), y: 'lane', r: 4.5, fill: (i: Item) => LANE_COLOR(i.lane), fillOpacity: 0.75, stroke: 'white', strokeWidth: 0.5, title: (i: Item) => `${i.date}: ${i.what}` }),
        Plot.dot(data.filter((i) => i.key === selected), { x: (i: Item) => day(i.date), y: 'lane', r: 8, stroke: '#e07a1f', strokeWidth: 3 }),
        Plot.dot(data, Plot.pointer({ x: (i: Item) => day(i.date), y: 'lane', r: 7, stroke: '#111', maxRadius: 30 })),
      ],
    });
    fig.addEventListener('click', () => {
      const v = (fig as unknown as { value?: Item }).value;
      if (v) onSelect(v.key);
    });
    fig.setAttribute('data-marks', String(data.length));
    return fig;
  };
  return <PlotFigure make={make} height={height} deps={[data, selected, from, to]} label={`${data.length} events between ${from} and ${to}`} />;
}

function EvidencePanel({ item }: { item: Item }) {
  return (
    <>
      <h3 style={{ marginTop: 0 }}>{item.date}: {item.what}</h3>
      {item.lag ? <p className="small-text"><strong>Response lag:</strong> {lagText(item.lag)}</p> : null}
      {item.entities ? (
        <>
          <h3>Entities designated</h3>
          <ul className="small-text">
            {Object.entries(item.entities).map(([rec, e]) => <li key={rec}><Link to={`/entity/${encodeURIComponent(e.entity || rec)}`}>{e.caption}</Link> <span className="muted">({rec}, {e.programs.join(', ')}, {e.basis})</span></li>)}
          </ul>
        </>
      ) : null}
      <h3>Evidence ({item.evidence.length})</h3>
      {item.evidence.map((ev, i) => (
        <div key={i} className="small-text" style={{ marginBottom: '0.6rem' }}>
          <div><strong>{String(ev.source ?? '')}</strong> {ev.file ? <span className="mono">{String(ev.file)}{ev.line ? `:${ev.line}` : ''}</span> : null} {ev.record ? <span className="mono">{String(ev.record)} {String(ev.version ?? '')}</span> : null}</div>
          {ev.fields ? <pre className="evidence">{Object.entries(ev.fields).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n')}</pre> : <pre className="evidence">{JSON.stringify(ev, null, 1)}</pre>}
        </div>
      ))}
    </>
  );
}
