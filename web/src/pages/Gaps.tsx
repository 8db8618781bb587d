import { Link } from '../components/Link';
import { Stat } from '../components/Stat';
import { ErrorBox, Loading, NotYet } from '../components/States';
import { Table } from '../components/Table';
import { useApi, useRouteExists } from '../lib/api';
import { fmtInt } from '../lib/format';
import { useParams } from '../lib/router';

/** Enforcement gaps (GET /mandates/gaps): statutory provisions × subjects, each gap with its evidence chains; the oversight report. */

interface Gap {
  subject: string; caption: string; schema: string; provision: string; citation: string; short_title: string; action: string; strength: number;
  strength_label: string; latest_evidence: string; days_since_evidence: number; other_listings: { list?: string; dataset?: string; [k: string]: unknown }[];
  chains: unknown[]; prerequisite?: string;
}
interface Provision { id: string; citation: string; short_title: string; mandatory: boolean; action: string; subject: string; triggered: number; designated: number; gaps: number; findings: number }
interface GapsBody {
  as_of: string;
  summary: { evidence_items: number; subjects_with_evidence: number; subjects_triggering: number; gaps: number; subjects_with_gaps: number; designated_triggering: number };
  gaps: Gap[]; provisions: Provision[];
}

const gapKey = (g: Gap) => `${g.subject}|${g.provision}`;

export function Gaps() {
  const [params, setParams] = useParams();
  const asOf = params.get('as_of') ?? '';
  const exists = useRouteExists('/mandates/gaps');
  const hasReport = useRouteExists('/report.html');
  const res = useApi<GapsBody>(exists ? `/mandates/gaps${asOf ? `?as_of=${asOf}` : ''}` : null);
  const d = res.data;
  const sel = params.get('gap') ?? '';
  const selected = d?.gaps.find((g) => gapKey(g) === sel);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Enforcement gaps</h1>
          <p className="muted">The mandatory triggers of the U.S. statutes held against the evidence: where a provision's condition is met and the United States has not designated.</p>
        </div>
        <div className="row">
          <label className="field">As of<input type="date" value={asOf} onChange={(e) => setParams({ as_of: e.target.value })} /></label>
          {hasReport ? <a href={`/report.html${asOf ? `?as_of=${asOf}` : ''}`} target="_blank" rel="noopener">Oversight report (HTML) ↗</a> : null}
        </div>
      </div>
      {exists === false ? <NotYet what="The enforcement-gap analysis" api="/mandates/gaps">Gaps will be listed here, provision by subject, each with its evidence chain, once the mandates API is served.</NotYet> : null}
      {exists === undefined || (res.loading && !d) ? <Loading what="gaps" height={400} /> : null}
      {res.error ? <ErrorBox error={res.error} what="gaps" /> : null}
      {d ? (
        <>
          <div className="stats">
            <Stat label="Open gaps" value={fmtInt(d.summary.gaps)} note={`${fmtInt(d.summary.subjects_with_gaps)} subjects, as of ${d.as_of}`} />
            <Stat label="Subjects meeting a trigger" value={fmtInt(d.summary.subjects_triggering)} note={`${fmtInt(d.summary.designated_triggering)} of them designated`} />
            <Stat label="Evidence items" value={fmtInt(d.summary.evidence_items)} note={`on ${fmtInt(d.summary.subjects_with_evidence)} subjects`} />
          </div>
          <div className={d.gaps.length ? 'split' : ''}>
            <Table caption="Gaps, strongest evidence first" csv={`gaps-${d.as_of}`} rows={d.gaps} rowKey={gapKey} selected={sel} onRowClick={(g) => setParams({ gap: gapKey(g) })}
              empty="No open gap: no subject meets a mandatory trigger without a U.S. designation (or no evidence has been recorded yet)."
              columns={[
                { key: 'caption', label: 'Subject', value: (g) => g.caption, render: (g) => <Link to={`/entity/${encodeURIComponent(g.subject)}`}>{g.caption}</Link> },
                { key: 'citation', label: 'Provision', value: (g) => g.citation, render: (g) => <span title={g.short_title} className="nowrap">{g.citation}</span> },
                { key: 'strength', label: 'Strength', value: (g) => g.strength, numeric: true, render: (g) => `${g.strength_label} (${g.strength.toFixed(2)})` },
                { key: 'latest', label: 'Latest evidence', value: (g) => g.latest_evidence, wide: true },
                { key: 'others', label: 'Listed by others', value: (g) => g.other_listings.map((l) => l.list ?? l.dataset ?? '').join('; '), wide: true },
              ]} />
            {d.gaps.length ? <aside className="card panel" style={{ alignSelf: 'start', minHeight: 160 }} aria-live="polite">
              {selected ? (
                <>
                  <h3 style={{ marginTop: 0 }}>{selected.caption}: {selected.citation}</h3>
                  <p className="small-text">{selected.short_title}. Required action: {selected.action}{selected.prerequisite ? ` (prerequisite: ${selected.prerequisite})` : ''}.</p>
                  <h3>Evidence chains ({selected.chains.length})</h3>
                  <pre className="evidence">{JSON.stringify(selected.chains, null, 1)}</pre>
                </>
              ) : <p className="muted">Select a gap to see its evidence chains.</p>}
            </aside> : null}
          </div>
          <Table caption="Provisions" csv={`provisions-${d.as_of}`} rows={d.provisions} rowKey={(p) => p.id}
            columns={[
              { key: 'citation', label: 'Citation', value: (p) => p.citation, render: (p) => <span className="nowrap">{p.citation}</span> },
              { key: 'title', label: 'Provision', value: (p) => p.short_title },
              { key: 'action', label: 'Action', value: (p) => `${p.mandatory ? 'must ' : 'may '}${p.action.replace(/_/g, ' ')}`, wide: true },
              { key: 'triggered', label: 'Triggered', value: (p) => p.triggered, numeric: true },
              { key: 'designated', label: 'Designated', value: (p) => p.designated, numeric: true, wide: true },
              { key: 'gaps', label: 'Gaps', value: (p) => p.gaps, numeric: true },
            ]} />
        </>
      ) : null}
    </>
  );
}
