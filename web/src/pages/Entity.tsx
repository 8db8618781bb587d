import { lazy, Suspense } from 'react';
import { Link } from '../components/Link';
import { ErrorBox, Loading } from '../components/States';
import { Table } from '../components/Table';
import { useApi, useRouteExists } from '../lib/api';
import { country, label } from '../lib/format';
import type { EntityDetail, Statement } from '../lib/types';
import { EntityEvents } from './EntityEvents';

const NetworkView = lazy(() => import('./Network').then((m) => ({ default: m.NetworkView })));
const FrontCompanies = lazy(() => import('./Network').then((m) => ({ default: m.FrontCompanies })));

const NAME_PROPS = new Set(['name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName', 'middleName', 'fatherName', 'secondName', 'title']);
const COUNTRY_PROPS = new Set(['country', 'nationality', 'citizenship', 'flag', 'jurisdiction', 'birthCountry', 'mainCountry']);
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const HAN = /[\u4e00-\u9fff]/;

function script(v: string): string {
  if (HANGUL.test(v)) return 'Hangul';
  if (HAN.test(v)) return 'Chinese characters';
  if (/[\u0400-\u04ff]/.test(v)) return 'Cyrillic';
  return 'Latin';
}

function listedText(l: EntityDetail['listed'][number]): string {
  if (l.precision === 'exact') return l.date;
  if (l.precision === 'between') return `between ${l.after ?? '?'} and ${l.date}`;
  return `on or before ${l.date}`;
}

export function EntityPage({ id }: { id: string }) {
  const e = useApi<EntityDetail>(`/entities/${encodeURIComponent(id)}`);
  const hasNetwork = useRouteExists('/network/{id}');
  const hasMandates = useRouteExists('/mandates/entities/{id}');
  if (e.loading && !e.data) return <Loading what={`entity ${id}`} height={500} />;
  if (e.error) return <>
    <h1>Entity {id}</h1>
    <ErrorBox error={e.error} what={`entity ${id}`} />
    <p><Link to={`/screen?q=${encodeURIComponent(id)}`}>Search for it by name</Link></p>
  </>;
  const d = e.data!;
  const names = d.statements.filter((s) => NAME_PROPS.has(s.prop));
  const nameRows = [...new Map(names.map((s) => [`${s.prop}|${s.value}`, s])).values()];
  const recordsOf = (s: Statement) => names.filter((x) => x.prop === s.prop && x.value === s.value).map((x) => x.record);
  const programs = [...new Set(d.sanctions.flatMap((s) => s.programs))];
  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted small-text">{d.schema} · <span className="mono">{d.id}</span></div>
          <h1>{d.caption}</h1>
          <div className="chips">
            {d.target ? <span className="chip red">sanctioned</span> : null}
            {d.dprk.length ? <span className="chip amber">DPRK-related</span> : null}
            {programs.map((p) => <span key={p} className="chip">{p}</span>)}
            {d.datasets.map((x) => <span key={x} className="chip green">{x}</span>)}
          </div>
        </div>
        <dl className="kv small-text">
          <dt>Source records</dt><dd>{d.referents.join(', ')}</dd>
          <dt>First seen</dt><dd>{d.first_seen ?? '—'}</dd>
          <dt>Last seen</dt><dd>{d.last_seen ?? '—'}</dd>
        </dl>
      </div>

      <div className="grid two">
        <section className="card" aria-labelledby="sanctions-h">
          <h2 id="sanctions-h" style={{ marginTop: 0 }}>Sanctions and listing dates</h2>
          {d.sanctions.map((s, i) => (
            <div key={i} style={{ marginBottom: '0.6rem' }}>
              <strong>{s.authority}</strong> · {s.programs.join(', ') || 'no programme'} <span className="muted small-text">({s.record}, {s.version})</span>
              {s.listingDate ? <div className="small-text">Listed {s.listingDate}</div> : null}
              {s.reason ? <div className="small-text">{s.reason}</div> : null}
              {s.provisions?.length ? <ul className="small-text">{s.provisions.map((p) => <li key={p}>{p}</li>)}</ul> : null}
            </div>
          ))}
          <h3>Designated</h3>
          <ul className="small-text">
            {d.listed.map((l) => <li key={l.record}>{l.dataset}: {listedText(l)} <span className="muted">({l.basis.replace(/_/g, ' ')}, {l.record})</span></li>)}
          </ul>
          {d.last_seen ? <p className="small-text muted">Last seen in a served list version on {d.last_seen}.</p> : null}
        </section>
        <section className="card" aria-labelledby="dprk-h">
          <h2 id="dprk-h" style={{ marginTop: 0 }}>Why DPRK-related</h2>
          {d.dprk.length ? (
            <ul className="small-text">
              {d.dprk.map((r, i) => <li key={i}><span className={`chip ${r.strong ? 'red' : ''}`}>{r.strong ? 'strong' : 'supporting'}</span> {label(r.kind)}: {COUNTRY_PROPS.has(r.kind) ? country(r.detail) : r.detail} <span className="muted">({r.record})</span></li>)}
            </ul>
          ) : <p className="muted">No DPRK link found in its records.</p>}
          {d.merge.length ? <>
            <h3>Why these records are one entity</h3>
            <ul className="small-text">{d.merge.map((m, i) => <li key={i}>{m.a} + {m.b}: {label(m.rule)} — {m.detail}</li>)}</ul>
          </> : null}
        </section>
      </div>

      <Table caption="Names and aliases" csv={`${d.id}-names`} rows={nameRows} rowKey={(s) => `${s.prop}|${s.value}`}
        columns={[
          { key: 'value', label: 'Name', value: (s) => s.value },
          { key: 'prop', label: 'Kind', value: (s) => label(s.prop) },
          { key: 'script', label: 'Script', value: (s) => script(s.value) },
          { key: 'records', label: 'Records', value: (s) => recordsOf(s).join('; '), wide: true },
        ]} />
      <Table caption="Every value, with its source record and list version" csv={`${d.id}-statements`} rows={d.statements} pageSize={100}
        rowKey={(s, i) => `${s.prop}|${s.value}|${s.record}|${i}`}
        columns={[
          { key: 'prop', label: 'Property', value: (s) => label(s.prop) },
          { key: 'value', label: 'Value', value: (s) => s.value, render: (s) => (COUNTRY_PROPS.has(s.prop) ? country(s.value) : s.value) },
          { key: 'record', label: 'Record', value: (s) => s.record, render: (s) => <span className="nowrap">{s.record}</span> },
          { key: 'version', label: 'List version', value: (s) => s.version, wide: true, render: (s) => <span className="nowrap">{s.version}</span> },
        ]} />
      {d.links.length ? (
        <Table caption="Links named in the lists" csv={`${d.id}-links`} rows={d.links} rowKey={(l, i) => `${l.record}|${i}`}
          columns={[
            { key: 'type', label: 'Relation', value: (l) => label(l.type) },
            { key: 'target', label: 'To', value: (l) => l.targetName ?? l.target ?? '', render: (l) => (l.target ? <Link to={`/entity/${encodeURIComponent(l.target)}`}>{l.targetName ?? l.target}</Link> : l.targetName ?? '') },
            { key: 'note', label: 'Note', value: (l) => l.note ?? '', wide: true },
            { key: 'record', label: 'Record', value: (l) => l.record, wide: true },
          ]} />
      ) : null}

      <section aria-labelledby="net-h">
        <h2 id="net-h">Network</h2>
        {hasNetwork === undefined ? <Loading what="the network" height={460} /> : hasNetwork ? (
          <Suspense fallback={<Loading what="the network" height={460} />}><NetworkView id={d.id} /><FrontCompanies id={d.id} /></Suspense>
        ) : <div className="state empty" style={{ minHeight: 120 }}><strong>The network view is not available on this server yet.</strong><div>It reads <code>/network/{'{id}'}</code>; the links the lists name are in the table above.</div></div>}
      </section>
      {d.schema === 'Vessel' ? <EntityEvents entity={d} /> : null}
      {hasMandates ? <Mandates id={d.id} /> : null}
    </>
  );
}

interface MandateView {
  designation: { us: boolean; any: boolean; listings: unknown[] };
  triggers: { provision: string; citation?: string; short_title?: string; strength?: number; strength_label?: string; designated?: boolean; chains?: unknown[]; [k: string]: unknown }[];
  evidence: { kind?: string; date?: string; citation?: string; summary?: string; [k: string]: unknown }[];
}

/** The statutory provisions this entity's evidence triggers, and the evidence held on it. */
function Mandates({ id }: { id: string }) {
  const m = useApi<MandateView>(`/mandates/entities/${encodeURIComponent(id)}`);
  return (
    <section aria-labelledby="mand-h" style={{ minHeight: 100 }}>
      <h2 id="mand-h">Mandates and evidence</h2>
      {m.loading && !m.data ? <Loading what="mandates" height={80} /> : null}
      {m.error ? <ErrorBox error={m.error} what="mandates" /> : null}
      {m.data ? (
        <>
          <p className="small-text">U.S. designation: {m.data.designation.us ? <span className="chip red">designated</span> : <span className="chip">not designated by the U.S.</span>} · {m.data.triggers.length} provision{m.data.triggers.length === 1 ? '' : 's'} triggered · {m.data.evidence.length} evidence item{m.data.evidence.length === 1 ? '' : 's'}</p>
          {m.data.triggers.length ? (
            <Table caption="Provisions triggered" csv={`${id}-mandates`} rows={m.data.triggers} rowKey={(t) => t.provision}
              columns={[
                { key: 'citation', label: 'Provision', value: (t) => t.citation ?? t.provision },
                { key: 'title', label: 'What', value: (t) => t.short_title ?? '' },
                { key: 'strength', label: 'Strength', value: (t) => t.strength ?? null, numeric: true, render: (t) => (t.strength !== undefined ? `${t.strength_label ?? ''} ${t.strength.toFixed(2)}` : '') },
                { key: 'chains', label: 'Evidence chains', value: (t) => JSON.stringify(t.chains ?? []), wide: true, render: (t) => <details><summary>{t.chains?.length ?? 0} chains</summary><pre className="evidence">{JSON.stringify(t.chains ?? [], null, 1)}</pre></details> },
              ]} />
          ) : null}
          {m.data.evidence.length ? <details><summary>Evidence items ({m.data.evidence.length})</summary><pre className="evidence">{JSON.stringify(m.data.evidence, null, 1)}</pre></details> : null}
        </>
      ) : null}
    </section>
  );
}
