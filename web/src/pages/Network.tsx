import { useEffect, useRef } from 'react';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { Link } from '../components/Link';
import { ErrorBox, Loading, Empty } from '../components/States';
import { Table } from '../components/Table';
import { useApi } from '../lib/api';
import { navigate, useParams } from '../lib/router';
import { label } from '../lib/format';

/** The network around an entity (GET /network/{id}?depth=), drawn with sigma 3 over graphology, and as tables. */

interface NodeIn { id: string; caption?: string; label?: string; name?: string; schema?: string; sanctioned?: boolean; target?: boolean; dprk?: boolean; [k: string]: unknown }
interface EdgeIn { id?: string; source?: string; target?: string; from?: string; to?: string; type?: string; label?: string; [k: string]: unknown }
interface NetworkBody { nodes?: NodeIn[]; edges?: EdgeIn[]; links?: EdgeIn[]; truncated?: boolean; [k: string]: unknown }

const SCHEMA_COLOR: Record<string, string> = { Person: '#1d4e89', Organization: '#c2410c', Company: '#b45309', LegalEntity: '#9a3412', Vessel: '#047857', Aircraft: '#6d28d9' };
const nodeLabel = (n: NodeIn) => n.caption ?? n.label ?? n.name ?? n.id;
const ends = (e: EdgeIn) => [e.source ?? e.from ?? '', e.target ?? e.to ?? ''] as const;

function GraphCanvas({ nodes, edges, center }: { nodes: NodeIn[]; edges: EdgeIn[]; center: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const g = new Graph({ multi: true, type: 'directed' });
    nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
      g.addNode(n.id, {
        label: nodeLabel(n), x: n.id === center ? 0 : Math.cos(a) * 10, y: n.id === center ? 0 : Math.sin(a) * 10,
        size: n.id === center ? 12 : 6, color: n.id === center ? '#e07a1f' : SCHEMA_COLOR[n.schema ?? ''] ?? '#64748b',
      });
    });
    for (const e of edges) {
      const [s, t] = ends(e);
      if (g.hasNode(s) && g.hasNode(t) && s !== t) g.addEdge(s, t, { label: e.type ?? e.label ?? '', size: 1.5, color: '#94a3b8', type: 'arrow' });
    }
    if (g.order > 1) forceAtlas2.assign(g, { iterations: 200, settings: { ...forceAtlas2.inferSettings(g), gravity: 1 } });
    const s = new Sigma(g, box.current!, { renderEdgeLabels: g.size < 60, labelRenderedSizeThreshold: g.order > 80 ? 8 : 0, defaultEdgeType: 'arrow' });
    s.on('clickNode', ({ node }) => navigate(`/entity/${encodeURIComponent(node)}`));
    box.current!.setAttribute('data-nodes', String(g.order));
    return () => s.kill();
  }, [nodes, edges, center]);
  return <div ref={box} className="graph" role="img" aria-label={`Network of ${nodes.length} entities and ${edges.length} links; the tables below list them`} />;
}

export function NetworkView({ id }: { id: string }) {
  const [params, setParams] = useParams();
  const depth = params.get('depth') ?? '1';
  const net = useApi<NetworkBody>(`/network/${encodeURIComponent(id)}?depth=${depth}`);
  const nodes = net.data?.nodes ?? [];
  const edges = net.data?.edges ?? net.data?.links ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <>
      <div className="row" style={{ marginBottom: '0.5rem' }}>
        <label className="field">Depth
          <select value={depth} onChange={(e) => setParams({ depth: e.target.value })}>
            {['1', '2', '3'].map((d) => <option key={d} value={d}>{d} hop{d === '1' ? '' : 's'}</option>)}
          </select>
        </label>
        <span className="muted small-text">Click a node to open that entity.</span>
      </div>
      {net.loading && !net.data ? <Loading what="the network" height={460} /> : null}
      {net.error ? <ErrorBox error={net.error} what="the network" /> : null}
      {net.data && nodes.length <= 1 ? <Empty title="No links to other entities in the lists." height={120} /> : null}
      {net.data && nodes.length > 1 ? (
        <>
          {net.data.truncated ? <p className="chip amber">Cut at {nodes.length} nodes: choose a smaller depth to see all of it.</p> : null}
          <GraphCanvas nodes={nodes} edges={edges} center={id} />
          <Table caption="Links" csv={`${id}-network-links`} rows={edges} rowKey={(e, i) => `${ends(e).join('>')}|${i}`}
            columns={[
              { key: 'source', label: 'From', value: (e) => nodeLabel(byId.get(ends(e)[0]) ?? { id: ends(e)[0] }), render: (e) => <Link to={`/entity/${encodeURIComponent(ends(e)[0])}`}>{nodeLabel(byId.get(ends(e)[0]) ?? { id: ends(e)[0] })}</Link> },
              { key: 'type', label: 'Relation', value: (e) => label(String(e.type ?? e.label ?? '')) },
              { key: 'version', label: 'List version', value: (e) => String(e.version ?? ''), wide: true },
              { key: 'evidence', label: 'Evidence', value: (e) => (e.evidence ? JSON.stringify(e.evidence) : ''), wide: true,
                render: (e) => { const ev = e.evidence as { record?: string; value?: string } | undefined; return ev ? <span className="small-text">{ev.record}{ev.value ? `: “${ev.value}”` : ''}</span> : ''; } },
              { key: 'target', label: 'To', value: (e) => nodeLabel(byId.get(ends(e)[1]) ?? { id: ends(e)[1] }), render: (e) => <Link to={`/entity/${encodeURIComponent(ends(e)[1])}`}>{nodeLabel(byId.get(ends(e)[1]) ?? { id: ends(e)[1] })}</Link> },
            ]} />
        </>
      ) : null}
    </>
  );
}

interface Candidate { id: string; caption: string; schema: string; dataset: string; score: number; ties: { kind: string; weight: number; designated?: { id: string; caption: string }; via?: { id: string; caption: string }; evidence: { record: string; version: string; value: string } }[] }

/** Front-company candidates tied to this entity (GET /network/front-companies): the candidate itself, or a designated party it is tied to. */
export function FrontCompanies({ id }: { id: string }) {
  const r = useApi<{ candidates: Candidate[]; considered: number }>('/network/front-companies?limit=10000');
  const rows = (r.data?.candidates ?? []).filter((c) => c.id === id || c.ties.some((t) => t.designated?.id === id || t.via?.id === id));
  return (
    <section aria-labelledby="front-h" style={{ minHeight: 80 }}>
      <h3 id="front-h">Front-company candidates tied to it</h3>
      {r.loading && !r.data ? <Loading what="candidates" height={60} /> : null}
      {r.error ? <ErrorBox error={r.error} what="front-company candidates" /> : null}
      {r.data && !rows.length ? <p className="muted small-text">None among the {r.data.considered.toLocaleString('en')} imported entities considered{r.data.considered ? '' : ' (import a registry or investigation with `chokepoint import` to look for them)'}.</p> : null}
      {rows.length ? (
        <Table caption="Candidates, highest score first" csv={`${id}-front-companies`} rows={rows} rowKey={(c) => c.id}
          columns={[
            { key: 'caption', label: 'Candidate', value: (c) => c.caption, render: (c) => <Link to={`/entity/${encodeURIComponent(c.id)}`}>{c.caption}</Link> },
            { key: 'score', label: 'Score', value: (c) => c.score, numeric: true, render: (c) => c.score.toFixed(2) },
            { key: 'ties', label: 'Ties', value: (c) => c.ties.map((t) => `${t.kind}${t.designated ? ` → ${t.designated.caption}` : ''}`).join('; '),
              render: (c) => <span className="small-text">{c.ties.map((t, i) => <div key={i}>{label(t.kind)}{t.designated ? <> → <Link to={`/entity/${encodeURIComponent(t.designated.id)}`}>{t.designated.caption}</Link></> : null} <span className="muted">({t.evidence.record}, {t.evidence.version})</span></div>)}</span> },
          ]} />
      ) : null}
    </section>
  );
}
