import { useMemo, useState, type FormEvent } from 'react';
import { Link } from '../components/Link';
import { ErrorBox, Loading, NotYet } from '../components/States';
import { Table } from '../components/Table';
import { authHeaders, useApi, useRouteExists } from '../lib/api';
import { TokenBox } from '../components/TokenBox';
import { useParams } from '../lib/router';
import { label } from '../lib/format';
import { EVENT_COLORS, EVENT_TYPES, type MaritimeEvent } from './maritime-types';
import { MapView, type Regions } from './MapView';
import { usePoll } from '../lib/poll';

type EventsBody = MaritimeEvent[] | { events?: MaritimeEvent[]; results?: MaritimeEvent[]; items?: MaritimeEvent[]; total?: number };
const eventsOf = (b?: EventsBody) => (!b ? [] : Array.isArray(b) ? b : b.events ?? b.results ?? b.items ?? []);
const idOf = (e: MaritimeEvent, i: number) => String(e.id ?? i);

function runCounts(j: Upload): string {
  const c = (j.counts ?? {}) as Record<string, unknown>;
  const skipped = Object.values((j.skipped ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
  return typeof c.positions === 'number' ? ` · ${c.positions.toLocaleString('en')} positions, ${String(c.mmsis ?? 0)} vessels, ${String(c.events ?? 0)} events, ${skipped} lines skipped` : '';
}

interface Upload { id: string | number; state?: string; status?: string; progress?: number; message?: string; error?: string; events?: number; rows?: number; messages?: number; [k: string]: unknown }

export function Maritime() {
  const [params, setParams] = useParams();
  const types = params.get('types')?.split(',').filter(Boolean) ?? [];
  const from = params.get('from') ?? '', to = params.get('to') ?? '';
  const vessel = params.get('vessel') ?? '';
  const area = params.get('area') ?? '';
  const selected = params.get('event') ?? '';
  const run = params.get('run') ?? '';
  const [view, setView] = useState<[number, number, number, number]>();
  const hasEvents = useRouteExists('/ais/events');
  const hasUploads = useRouteExists('/ais/uploads');
  const regions = useApi<Regions>('/regions');
  const [reload, setReload] = useState(0);
  const query = new URLSearchParams({ limit: '10000', ...(types.length ? { type: types.join(',') } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
    ...(/^\d{9}$/.test(vessel) ? { mmsi: vessel } : {}), ...(run ? { run } : {}) });
  const ev = useApi<EventsBody>(hasEvents ? `/ais/events?${query}${reload ? `&_=${reload}` : ''}` : null);
  const runs = useApi<{ runs: Upload[] }>(hasUploads ? `/ais/uploads?limit=100${reload ? `&_=${reload}` : ''}` : null);
  const total = ev.data && !Array.isArray(ev.data) ? ev.data.total : undefined;
  const all = useMemo(() => eventsOf(ev.data).map((e, i) => ({ ...e, id: idOf(e, i) })), [ev.data]);
  const hotspots = regions.data?.features.filter((f) => f.properties?.kind === 'hotspot') ?? [];
  const filtered = useMemo(() => all.filter((e) => {
    if (types.length && !types.includes(e.type)) return false;
    if (from && e.end.slice(0, 10) < from) return false;
    if (to && e.start.slice(0, 10) > to) return false;
    if (vessel && !e.mmsi.some((m) => String(m).includes(vessel)) && !(e.imo ?? []).some((m) => String(m).includes(vessel))) return false;
    if (area === 'view' && view && !(e.lon >= view[0] && e.lon <= view[2] && e.lat >= view[1] && e.lat <= view[3])) return false;
    if (area && area !== 'view') {
      const h = hotspots.find((f) => f.properties?.name === area);
      if (h && !inPolygon((h.geometry as GeoJSON.Polygon).coordinates[0], e.lon, e.lat)) return false;
    }
    return true;
  }), [all, types.join(), from, to, vessel, area, view, hotspots.length]);
  const sel = filtered.find((e) => e.id === selected) ?? all.find((e) => e.id === selected);

  const toggle = (t: string) => setParams({ types: (types.includes(t) ? types.filter((x) => x !== t) : [...types, t]).join(',') });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Maritime</h1>
          <p className="muted">Ship-to-ship encounters, AIS gaps, loitering, DPRK port calls and identity games found in the AIS data loaded.</p>
        </div>
      </div>
      <div className="split">
        <div>
          <MapView events={filtered} regions={regions.data} selected={selected} onSelect={(id) => setParams({ event: id })} onView={setView} />
          <div className="legend">
            {EVENT_TYPES.map((t) => <span key={t}><span className="swatch" style={{ background: EVENT_COLORS[t], borderRadius: '50%' }} />{label(t)}</span>)}
            <span><span className="swatch port-swatch" />DPRK port</span>
            <span><span className="swatch" style={{ background: '#e07a1f', opacity: 0.4 }} />STS hotspot (reported)</span>
          </div>
        </div>
        <aside>
          <fieldset className="card">
            <legend>Filters</legend>
            <div className="chips" role="group" aria-label="Event types">
              {EVENT_TYPES.map((t) => (
                <label key={t} className="chip" style={{ background: types.includes(t) ? EVENT_COLORS[t] : undefined, color: types.includes(t) ? '#fff' : undefined }}>
                  <input type="checkbox" checked={types.includes(t)} onChange={() => toggle(t)} style={{ marginRight: 4 }} />{label(t)}
                </label>
              ))}
            </div>
            <div className="row" style={{ marginTop: '0.6rem' }}>
              <label className="field">From<input type="date" value={from} onChange={(e) => setParams({ from: e.target.value })} /></label>
              <label className="field">To<input type="date" value={to} onChange={(e) => setParams({ to: e.target.value })} /></label>
              <label className="field">Vessel (MMSI or IMO)<input type="text" value={vessel} onChange={(e) => setParams({ vessel: e.target.value })} size={12} /></label>
              <label className="field">AIS run
                <select value={run} onChange={(e) => setParams({ run: e.target.value })}>
                  <option value="">all runs</option>
                  {(runs.data?.runs ?? []).map((r) => <option key={String(r.id)} value={String(r.id)}>#{String(r.id)} {String(r.file_name ?? '')}</option>)}
                </select>
              </label>
              <label className="field grow">Area
                <select style={{ width: '100%' }} value={area} onChange={(e) => setParams({ area: e.target.value })}>
                  <option value="">anywhere</option>
                  <option value="view">the map view</option>
                  {hotspots.map((h) => <option key={String(h.properties?.name)} value={String(h.properties?.name)}>{String(h.properties?.name)}</option>)}
                </select>
              </label>
            </div>
          </fieldset>
          {hasUploads ? <UploadPanel onDone={(id) => { setParams({ run: id }); setReload((n) => n + 1); }} /> : null}
          <section className="card panel" aria-live="polite" style={{ minHeight: 160 }}>
            {sel ? <EventPanel e={sel} /> : <p className="muted">Select an event on the map or in the table to see its evidence: positions, distances, speeds and the parameters that flagged it.</p>}
          </section>
        </aside>
      </div>
      {hasEvents === false ? (
        <NotYet what="Maritime event data" api="/ais/events">The map shows the bundled coastline, DPRK ports and the reported STS hotspots; events appear here once the maritime API is served. Meanwhile, <code>chokepoint ais detect</code> finds them from the command line.</NotYet>
      ) : null}
      {hasEvents === undefined || (ev.loading && !ev.data) ? <Loading what="events" height={200} /> : null}
      {ev.error ? <ErrorBox error={ev.error} what="events" /> : null}
      {ev.data ? (
        <Table caption={total !== undefined && total > all.length ? `Events (first ${all.length.toLocaleString('en')} of ${total.toLocaleString('en')}: narrow the filters)` : 'Events'} csv="maritime-events" rows={filtered} rowKey={(e) => e.id} selected={selected} onRowClick={(e) => setParams({ event: e.id })}
          empty={all.length ? 'No event matches the filters.' : 'No events: upload an AIS file (NMEA or CSV) to find some.'}
          columns={[
            { key: 'type', label: 'Type', value: (e) => e.type, render: (e) => <><span className="swatch" style={{ background: EVENT_COLORS[e.type] ?? '#333', borderRadius: '50%' }} />{label(e.type)}</> },
            { key: 'start', label: 'Start (UTC)', value: (e) => e.start, nowrap: true },
            { key: 'end', label: 'End', value: (e) => e.end, wide: true },
            { key: 'mmsi', label: 'MMSI', value: (e) => e.mmsi.join(' ') },
            { key: 'region', label: 'Region', value: (e) => e.region ?? '', wide: true },
            { key: 'confidence', label: 'Confidence', value: (e) => e.confidence, numeric: true, render: (e) => e.confidence.toFixed(2) },
          ]} />
      ) : null}
    </>
  );
}

function inPolygon(ring: number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function Value({ v }: { v: unknown }) {
  if (v === null || v === undefined) return <span className="muted">—</span>;
  if (typeof v === 'number') return <>{Number.isInteger(v) ? v : v.toFixed(3)}</>;
  if (typeof v !== 'object') return <>{String(v)}</>;
  const flat = !Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x !== 'object');
  if (flat) return <>{Object.entries(v).map(([k, x]) => `${label(k)}: ${typeof x === 'number' && !Number.isInteger(x) ? x.toFixed(3) : String(x)}`).join(' · ')}</>;
  return <pre className="evidence" style={{ margin: 0, maxHeight: 180 }}>{JSON.stringify(v, null, 1)}</pre>;
}

function EventPanel({ e }: { e: MaritimeEvent }) {
  return (
    <>
      <h3 style={{ marginTop: 0 }}><span className="swatch" style={{ background: EVENT_COLORS[e.type] ?? '#333', borderRadius: '50%' }} />{label(e.type)}</h3>
      <dl className="kv small-text">
        <dt>When</dt><dd>{e.start}{e.end !== e.start ? ` → ${e.end}` : ''}</dd>
        <dt>Where</dt><dd>{e.lat.toFixed(4)}, {e.lon.toFixed(4)}{e.region ? ` · ${e.region}` : ''}</dd>
        <dt>MMSI</dt><dd>{e.mmsi.map((m) => <span key={m}><Link to={`/screen?q=${m}&schema=Vessel`}>{m}</Link> </span>)}</dd>
        {e.imo?.length ? <><dt>IMO</dt><dd>{e.imo.map((m) => <span key={m}><Link to={`/screen?imo=${m}&q=${m}&schema=Vessel`}>{m}</Link> </span>)}</dd></> : null}
        <dt>Confidence</dt><dd>{e.confidence.toFixed(2)}</dd>
      </dl>
      {e.mmsi.map((m) => <VesselInfo key={m} mmsi={m} />)}
      {e.evidence ? <><h3>Evidence</h3><dl className="kv small-text">{Object.entries(e.evidence).map(([k, v]) => <><dt key={`k${k}`}>{label(k)}</dt><dd key={`v${k}`}><Value v={v} /></dd></>)}</dl></> : null}
      {e.params ? <details><summary>Parameters</summary><dl className="kv small-text">{Object.entries(e.params).map(([k, v]) => <><dt key={`k${k}`}>{k}</dt><dd key={`v${k}`}><Value v={v} /></dd></>)}</dl></details> : null}
    </>
  );
}

/** Upload an AIS file (NMEA or CSV): upload progress, then the server's processing status until done. */
function UploadPanel({ onDone }: { onDone: (id: string) => void }) {
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState('');
  const [sent, setSent] = useState<number>();
  const [job, setJob] = useState<Upload>();
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<string>();
  const [watching, setWatching] = useState('');
  usePoll<Upload>(watching ? `/ais/uploads/${encodeURIComponent(watching)}` : null, 500, (j) => {
    const st = String(j.state ?? j.status ?? '');
    if (/done|complete|finished|ready|succeeded/.test(st)) {
      onDone(String(j.id ?? watching));
      return false;
    }
    return !/fail|error/.test(st);
  }, setJob, setError);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setRefused(undefined);
    setJob(undefined);
    setSent(0);
    const qs = new URLSearchParams({ name: file.name, ...(format ? { format } : {}) });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/ais/uploads?${qs}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setSent(ev.loaded / ev.total);
    xhr.onload = () => {
      setSent(undefined);
      try {
        const body = JSON.parse(xhr.responseText) as Upload;
        if (xhr.status === 401 || xhr.status === 403) return setRefused(String(body.message ?? 'a token is needed'));
        if (xhr.status >= 300) return setError(String(body.message ?? `upload failed (${xhr.status})`));
        setJob(body);
        setWatching(String(body.id));
      } catch {
        setError(`upload failed (${xhr.status})`);
      }
    };
    xhr.onerror = () => {
      setSent(undefined);
      setError('upload failed: the server did not answer');
    };
    xhr.send(file);
  };
  const st = String(job?.state ?? job?.status ?? '');
  const progress = typeof job?.progress === 'number' ? job.progress : /done|complete|finished|ready/.test(st) ? 1 : undefined;
  return (
    <div className="card">
    <form onSubmit={submit} aria-label="Upload AIS data">
      <h3 style={{ marginTop: 0 }}>Load AIS data</h3>
      <div className="row">
        <label className="field grow">NMEA or CSV file<input type="file" accept=".nmea,.txt,.csv,.log,.ais" onChange={(e) => setFile(e.target.files?.[0])} /></label>
        <label className="field">Format<select value={format} onChange={(e) => setFormat(e.target.value)}><option value="">guess</option><option value="nmea">NMEA</option><option value="csv">CSV</option></select></label>
        <button type="submit" disabled={!file || sent !== undefined}>Upload</button>
      </div>
      <div style={{ minHeight: 48, marginTop: '0.4rem' }} aria-live="polite">
        {sent !== undefined ? <><div className="small-text">Uploading: {Math.round(sent * 100)}%</div><div className="progress"><span style={{ width: `${sent * 100}%` }} /></div></> : null}
        {job ? <><div className="small-text" data-run-status={st}>Run #{String(job.id)} {String(job.file_name ?? file?.name ?? '')}: <strong>{st || 'processing'}</strong>{runCounts(job)}{job.error ? ` · ${String(job.error)}` : ''}</div>
          {progress !== undefined ? <div className="progress"><span style={{ width: `${progress * 100}%` }} /></div>
            : /queued|running/.test(st) ? <div className="progress indeterminate" role="progressbar" aria-label="processing"><span /></div> : null}</> : null}
        {error ? <div className="state error" role="alert">{error}</div> : null}
      </div>
    </form>
    {refused ? <TokenBox message={refused} onSaved={() => setRefused(undefined)} /> : null}
    </div>
  );
}

interface VesselDetail { mmsi: number; flag: string | null; names: string[]; imos: number[]; risk_score: number; links: { entity?: string; id?: string; caption?: string; by?: string; [k: string]: unknown }[]; reasons: { kind: string; contribution: number }[] }

/** What the AIS run knows of a vessel: names, IMOs, flag, risk and the designated vessels it matches. */
function VesselInfo({ mmsi }: { mmsi: number }) {
  const v = useApi<VesselDetail>(`/ais/vessels/${mmsi}`);
  if (!v.data) return v.error ? <p className="small-text muted">MMSI {mmsi}: {v.error.message}</p> : <p className="small-text muted">MMSI {mmsi}…</p>;
  const d = v.data;
  return (
    <div className="small-text" style={{ margin: '0.4rem 0' }}>
      <strong>MMSI {mmsi}</strong>{d.names.length ? ` · ${d.names.join(' / ')}` : ''}{d.imos.length ? ` · IMO ${d.imos.join(', ')}` : ''}{d.flag ? ` · flag ${d.flag}` : ''}
      {' '}· risk <span className={`chip ${d.risk_score >= 0.5 ? 'red' : ''}`}>{d.risk_score.toFixed(2)}</span>
      {d.links.length ? <div>Matches designated: {d.links.map((l, i) => { const id = String(l.entity ?? l.id ?? ''); return <span key={i}>{id ? <Link to={`/entity/${encodeURIComponent(id)}`}>{String(l.caption ?? id)}</Link> : JSON.stringify(l)} </span>; })}</div> : null}
      {d.reasons.length ? <div className="muted">Why: {d.reasons.map((r) => `${label(r.kind)} (+${r.contribution.toFixed(2)})`).join(', ')}</div> : null}
    </div>
  );
}
