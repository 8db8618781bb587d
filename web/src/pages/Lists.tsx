import { Link } from '../components/Link';
import { ErrorBox, Loading } from '../components/States';
import { Table } from '../components/Table';
import { useApi } from '../lib/api';
import { fmtInt } from '../lib/format';
import { useParams } from '../lib/router';
import type { ListsResponse, ListVersion, VersionDelta } from '../lib/types';

const ref = (v: ListVersion) => `${v.source}@${v.version}`;
/** Long values (UN notes run to pages) are cut on screen; the CSV export has them whole. */
const clip = (t: string, n = 160) => (t.length > n ? `${t.slice(0, n)}…` : t);

export function Lists() {
  const [params, setParams] = useParams();
  const lists = useApi<ListsResponse>('/lists');
  const versions = lists.data?.versions ?? [];
  const from = params.get('from') ?? '', to = params.get('to') ?? '';
  const diff = useApi<VersionDelta>(from && to ? `/lists/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : null);
  const sorted = [...versions].sort((a, b) => a.source.localeCompare(b.source) || a.published.localeCompare(b.published) || a.version.localeCompare(b.version));
  const previousOf = (v: ListVersion) => {
    const same = sorted.filter((x) => x.source === v.source);
    const i = same.findIndex((x) => x.id === v.id);
    return i > 0 ? same[i - 1] : undefined;
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Lists</h1>
          <p className="muted">Every publication imported: its files and their SHA-256, counts, and what changed from one version to another.</p>
        </div>
        {lists.data ? <div className="muted">{fmtInt(lists.data.entities.total)} merged entities, {fmtInt(lists.data.entities.dprk)} DPRK-related</div> : null}
      </div>
      {lists.loading && !lists.data ? <Loading what="list versions" height={900} /> : null}
      {lists.error ? <ErrorBox error={lists.error} what="list versions" /> : null}
      {lists.data ? (
        <Table caption="List versions" csv="list-versions" rows={sorted} rowKey={(v) => String(v.id)} pageSize={100}
          columns={[
            { key: 'source', label: 'Source', value: (v) => v.source },
            { key: 'version', label: 'Version', value: (v) => v.version, render: (v) => <><span className="nowrap">{v.version}</span> {v.served ? <span className="chip green">served</span> : null}</> },
            { key: 'published', label: 'Published', value: (v) => v.published, nowrap: true, wide: true },
            { key: 'records', label: 'Records', value: (v) => v.counts.records ?? null, numeric: true, render: (v) => fmtInt(v.counts.records) },
            { key: 'dprk', label: 'DPRK', value: (v) => v.counts.dprk ?? null, numeric: true, render: (v) => fmtInt(v.counts.dprk) },
            { key: 'files', label: 'Files (SHA-256)', value: (v) => v.files.map((f) => `${f.name}:${f.sha256}`).join(' '), wide: true,
              render: (v) => <span className="small-text">{v.files.map((f) => <div key={f.name}>{f.name} <span className="mono muted" title={f.sha256}>{f.sha256.slice(0, 12)}…</span></div>)}</span> },
            { key: 'delta', label: 'Delta', value: () => '', render: (v) => {
              const p = previousOf(v);
              return p ? <Link className="nowrap" to={`/lists?from=${encodeURIComponent(ref(p))}&to=${encodeURIComponent(ref(v))}`}>vs {p.version}</Link> : <span className="muted">first</span>;
            } },
          ]} />
      ) : null}

      <section className="card" aria-labelledby="diff-h">
        <h2 id="diff-h" style={{ marginTop: 0 }}>Compare two versions</h2>
        <div className="row">
          <label className="field">From
            <select value={from} onChange={(e) => setParams({ from: e.target.value }, { push: true })}>
              <option value="">choose…</option>
              {sorted.map((v) => <option key={v.id} value={ref(v)}>{ref(v)}</option>)}
            </select>
          </label>
          <label className="field">To
            <select value={to} onChange={(e) => setParams({ to: e.target.value }, { push: true })}>
              <option value="">choose…</option>
              {sorted.map((v) => <option key={v.id} value={ref(v)}>{ref(v)}</option>)}
            </select>
          </label>
        </div>
        <div style={{ minHeight: 80, marginTop: '0.6rem' }}>
          {!from || !to ? <p className="muted">Choose two versions (of one source) to see the entries added, removed and changed.</p> : null}
          {diff.loading ? <Loading what="the delta" height={80} /> : null}
          {diff.error ? <ErrorBox error={diff.error} what="the delta" /> : null}
          {diff.data ? <Delta d={diff.data} /> : null}
        </div>
      </section>
    </>
  );
}

function Delta({ d }: { d: VersionDelta }) {
  const name = `${d.from.source}-${d.from.version}-to-${d.to.version}`;
  const cols = [
    { key: 'id', label: 'Record', value: (r: { id: string }) => r.id, render: (r: { id: string }) => <Link className="nowrap" to={`/entity/${encodeURIComponent(r.id)}`}>{r.id}</Link> },
    { key: 'schema', label: 'Kind', value: (r: { schema: string }) => r.schema, wide: true },
    { key: 'caption', label: 'Name', value: (r: { caption: string }) => r.caption },
  ];
  return (
    <>
      <p><strong>{d.from.source}@{d.from.version} → {d.to.source}@{d.to.version}</strong>: {fmtInt(d.added.length)} added, {fmtInt(d.removed.length)} removed, {fmtInt(d.changed.length)} changed, {fmtInt(d.unchanged)} unchanged</p>
      <Table caption="Added" csv={`${name}-added`} rows={d.added} rowKey={(r) => r.id} columns={cols} pageSize={20} />
      <Table caption="Removed" csv={`${name}-removed`} rows={d.removed} rowKey={(r) => r.id} columns={cols} pageSize={20} />
      <Table caption="Changed" csv={`${name}-changed`} rows={d.changed} rowKey={(r) => r.id} pageSize={20}
        columns={[...cols, {
          key: 'changes', label: 'What changed', value: (r) => r.changes.map((c) => `${c.prop}: -${c.removed.join('|')} +${c.added.join('|')}`).join('; '),
          render: (r) => <span className="small-text" style={{ display: 'block', minWidth: 220 }}>{r.changes.map((c) => <div key={c.prop}><strong>{c.prop}</strong>{c.removed.length ? <> −{clip(c.removed.join('; '))}</> : null}{c.added.length ? <> +{clip(c.added.join('; '))}</> : null}</div>)}</span>,
        }]} />
    </>
  );
}
