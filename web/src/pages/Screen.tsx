import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../components/Link';
import { ContributionBar, ScoreBar } from '../components/ScoreBar';
import { Empty, ErrorBox, Loading } from '../components/States';
import { ApiError, sendJson, useApi } from '../lib/api';
import { TokenBox } from '../components/TokenBox';
import { useParams } from '../lib/router';
import { label } from '../lib/format';
import type { Catalog, MatchResponse, Scored, Suppression } from '../lib/types';
import { BatchPanel } from './ScreenBatch';

const SCHEMAS = ['Thing', 'Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Aircraft'];
const FIELDS = ['q', 'schema', 'birth', 'nationality', 'country', 'imo', 'dataset', 'threshold'] as const;
type Field = (typeof FIELDS)[number];

/** The queries a form describes, as yente /match bodies: "any kind" asks as a legal entity, a vessel and an aircraft. */
function queriesOf(p: Record<Field, string>) {
  const properties: Record<string, string[]> = { name: [p.q] };
  if (p.birth) properties.birthDate = [p.birth];
  if (p.nationality) properties.nationality = [p.nationality];
  if (p.country) properties.country = [p.country];
  if (p.imo) properties.imoNumber = [p.imo];
  const schemas = !p.schema || p.schema === 'Thing' ? ['LegalEntity', 'Vessel', 'Aircraft'] : [p.schema];
  return Object.fromEntries(schemas.map((schema) => [schema, { schema, properties }]));
}

interface Screened { results: Scored[]; total: number; versions: string[]; matcher: MatchResponse['matcher']; warnings: string[]; message?: string }

/** One answer from the per-kind answers: each entity once, at its best score, best first. */
function merge(m: MatchResponse): Screened {
  const answers = Object.values(m.responses);
  const best = new Map<string, Scored>();
  for (const a of answers) for (const r of a.results) if (!best.has(r.id) || best.get(r.id)!.score < r.score) best.set(r.id, r);
  const results = [...best.values()].sort((a, b) => b.score - a.score).slice(0, 10);
  const failed = answers.filter((a) => a.status !== 200);
  return {
    results, total: results.filter((r) => r.match).length, versions: m.versions, matcher: m.matcher,
    warnings: answers.length === 1 ? answers[0].warnings ?? [] : [], message: failed.length === answers.length ? failed[0]?.message : undefined,
  };
}

function useMatch(p: Record<Field, string>) {
  const [state, setState] = useState<{ data?: Screened; error?: ApiError; loading: boolean }>({ loading: false });
  const key = JSON.stringify(p);
  useEffect(() => {
    if (!p.q.trim()) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const qs = new URLSearchParams({ limit: '10', cutoff: '0.3', ...(p.threshold ? { threshold: p.threshold } : {}) });
    sendJson<MatchResponse>('POST', `/match/${encodeURIComponent(p.dataset || 'default')}?${qs}`, { queries: queriesOf(p) }).then(
      (data) => live && setState({ data: merge(data), loading: false }),
      (error: ApiError) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

export function Screen() {
  const [params, setParams] = useParams();
  const p = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>;
  const [form, setForm] = useState(p);
  useEffect(() => setForm(p), [params.toString()]);
  const catalog = useApi<Catalog>('/catalog');
  const match = useMatch(p);
  const supp = useApi<{ suppressions: Suppression[] }>(p.q ? `/suppressions?query=${encodeURIComponent(p.q)}` : null, { fresh: true });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(FIELDS.map((f) => [f, form[f].trim()])), { push: true });
  };
  const set = (f: Field) => (e: { target: { value: string } }) => setForm((x) => ({ ...x, [f]: e.target.value }));
  const answer = match.data;
  const threshold = p.threshold ? Number(p.threshold) : 0.7;
  const suppressions = supp.data?.suppressions ?? [];
  const suppressionOf = (r: Scored) => suppressions.find((s) => s.entity === r.id || r.referents.includes(s.entity));
  const results = answer?.results ?? [];
  const unsuppressed = results.filter((r) => !suppressionOf(r));
  const shown = [...unsuppressed, ...results.filter((r) => suppressionOf(r))];
  const matches = unsuppressed.filter((r) => r.match).length;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Screen</h1>
          <p className="muted">Is this person, company or vessel on a sanctions list? Every score comes with the features that made it.</p>
        </div>
      </div>
      <form className="card" onSubmit={submit} role="search" aria-label="Screen a name">
        <div className="row">
          <label className="field grow">Name
            <input type="search" name="q" value={form.q} onChange={set('q')} placeholder="e.g. Lee Young-kil, Chong Chon Gang, 리용길" autoFocus required />
          </label>
          <label className="field">Kind
            <select name="schema" value={form.schema || 'Thing'} onChange={set('schema')}>
              {SCHEMAS.map((s) => <option key={s} value={s}>{s === 'Thing' ? 'Any' : s}</option>)}
            </select>
          </label>
          <button type="submit">Screen</button>
        </div>
        <details open={!!(p.birth || p.nationality || p.country || p.imo || p.dataset || p.threshold)}>
          <summary>Qualifiers: birth date, nationality, country, IMO, lists, threshold</summary>
          <div className="row" style={{ marginTop: '0.5rem' }}>
            <label className="field">Birth date<input type="text" name="birth" value={form.birth} onChange={set('birth')} placeholder="YYYY[-MM[-DD]]" size={12} /></label>
            <label className="field">Nationality<input type="text" name="nationality" value={form.nationality} onChange={set('nationality')} placeholder="kp" size={6} /></label>
            <label className="field">Country<input type="text" name="country" value={form.country} onChange={set('country')} placeholder="cn" size={6} /></label>
            <label className="field">IMO number<input type="text" name="imo" value={form.imo} onChange={set('imo')} placeholder="7937317" size={10} /></label>
            <label className="field">Lists
              <select name="dataset" value={form.dataset || 'default'} onChange={set('dataset')}>
                {(catalog.data?.datasets ?? [{ name: 'default', title: 'All lists' }]).map((d) => <option key={d.name} value={d.name}>{d.title} ({d.name})</option>)}
              </select>
            </label>
            <label className="field">Threshold<input type="number" name="threshold" min={0} max={1} step={0.05} value={form.threshold} onChange={set('threshold')} placeholder="0.7" style={{ width: '6em' }} /></label>
          </div>
        </details>
      </form>

      <section aria-live="polite" aria-busy={match.loading} style={{ minHeight: 220 }}>
        {!p.q ? <Empty title="Type a name and press Screen." height={200}>Names in Hangul, McCune-Reischauer or South Korean spelling all work; add a birth date or IMO number to sharpen the score.</Empty> : null}
        {p.q && match.loading && !match.data ? <Loading what="results" height={200} /> : null}
        {match.error ? <ErrorBox error={match.error} what="results" /> : null}
        {answer?.message ? <div className="state error" role="alert">{answer.message}</div> : null}
        {answer && !answer.message ? (
          <>
            <p className="muted" style={{ opacity: match.loading ? 0.5 : 1 }}>
              {matches} match{matches === 1 ? '' : 'es'} at threshold {threshold}{results.length - unsuppressed.length ? ` (${results.length - unsuppressed.length} suppressed)` : ''} · {results.length} result{results.length === 1 ? '' : 's'} scoring 0.3 or more · lists {answer.versions.join(', ')}
            </p>
            {answer.warnings.map((w) => <p key={w} className="chip amber">{w}</p>)}
            {!results.length ? <Empty title={`No result for “${p.q}” from 0.3 up.`} /> : null}
            <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {shown.map((r, i) => <li key={r.id}><Result open={i === 0} r={r} query={p.q} threshold={threshold} suppression={suppressionOf(r)} onSuppressed={supp.reload} matcher={answer.matcher} /></li>)}
            </ol>
          </>
        ) : null}
      </section>
      <BatchPanel dataset={p.dataset} threshold={p.threshold} />
    </>
  );
}

function Result({ r, query, threshold, suppression, onSuppressed, matcher, open: expanded }: {
  open: boolean; r: Scored; query: string; threshold: number; suppression?: Suppression; onSuppressed: () => void; matcher: MatchResponse['matcher'];
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<ApiError>();
  const aliases = [...(r.properties.alias ?? []), ...(r.properties.weakAlias ?? [])].slice(0, 4);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErr(undefined);
    try {
      await sendJson('POST', '/suppressions', { query, entity: r.id, reason });
      setOpen(false);
      onSuppressed();
    } catch (x) {
      setErr(x instanceof ApiError ? x : new ApiError(0, (x as Error).message));
    }
  };
  return (
    <article className={`result ${suppression ? 'suppressed' : ''}`} aria-label={r.caption}>
      <div className="result-head">
        <div>
          <Link to={`/entity/${encodeURIComponent(r.id)}`} className="result-title">{r.caption}</Link>{' '}
          <span className="chip">{r.schema}</span>{' '}
          {r.match && !suppression ? <span className="chip red">match</span> : null}
          {suppression ? <span className="chip amber">suppressed</span> : null}
        </div>
        <ScoreBar score={r.score} match={r.match && !suppression} threshold={threshold} />
      </div>
      <div className="small-text muted">
        {r.id} · {r.datasets.join(', ')}{r.properties.birthDate ? ` · born ${r.properties.birthDate.join(', ')}` : ''}
        {r.properties.imoNumber ? ` · IMO ${r.properties.imoNumber.join(', ')}` : ''}{aliases.length ? ` · also ${aliases.join('; ')}` : ''}
      </div>
      {suppression ? (
        <p className="small-text">Suppressed for “{suppression.query}”: {suppression.reason}{suppression.date ? ` (${suppression.date})` : ''}{' '}
          <button type="button" className="small" onClick={async () => {
            try {
              await sendJson('DELETE', `/suppressions/${suppression.n}`);
              onSuppressed();
            } catch (x) {
              setErr(x instanceof ApiError ? x : new ApiError(0, (x as Error).message));
            }
          }}>Withdraw</button>
        </p>
      ) : null}
      <details open={expanded}>
        <summary>Why {r.score.toFixed(2)}: {Object.keys(r.explanations).length} feature{Object.keys(r.explanations).length === 1 ? '' : 's'}</summary>
        <div className="table-scroll" style={{ marginTop: '0.4rem' }}>
          <table>
            <thead><tr><th>Feature</th><th>Contribution</th><th>What was compared</th></tr></thead>
            <tbody>
              {Object.entries(r.explanations).map(([f, x]) => (
                <tr key={f}>
                  <td title={matcher[f]?.description}>{label(f)}</td>
                  <td><ContributionBar value={x.contribution} /></td>
                  <td>{x.detail}{x.query?.length ? <div className="muted small-text">query: {x.query.join('; ')} → list: {x.candidate?.join('; ')}</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {err && (err.status === 401 || err.status === 403) ? <TokenBox message={err.message} onSaved={() => setErr(undefined)} /> : err ? <div className="state error" role="alert">{err.message}</div> : null}
      {!suppression && r.score >= threshold ? (
        open ? (
          <form className="row" onSubmit={submit} style={{ marginTop: '0.5rem' }}>
            <label className="field grow">Why is this not the party screened?
              <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus placeholder="e.g. customer born 1987 in Seoul; listed person born 1955" />
            </label>
            <button type="submit">Suppress hit</button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>Cancel</button>
          </form>
        ) : <button type="button" className="small" style={{ marginTop: '0.4rem' }} onClick={() => setOpen(true)}>Not this party: suppress…</button>
      ) : null}
    </article>
  );
}
