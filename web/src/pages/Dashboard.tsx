import { lazy, Suspense } from 'react';
import { Link } from '../components/Link';
import { Stat } from '../components/Stat';
import { Empty, ErrorBox, Loading } from '../components/States';
import { Table } from '../components/Table';
import { useApi, useRouteExists } from '../lib/api';
import { daysBetween, fmtInt, today } from '../lib/format';
import type { ListsResponse, ListVersion, TimelineReport, VersionDelta } from '../lib/types';
import type { MaritimeEvent } from './maritime-types';

const MonthChart = lazy(() => import('../components/MonthChart').then((m) => ({ default: m.MonthChart })));

export const DASHBOARD_FROM = '2016-01-01';

export function Dashboard() {
  const lists = useApi<ListsResponse>('/lists');
  const tl = useApi<TimelineReport>(`/timeline?from=${DASHBOARD_FROM}`);
  const served = lists.data?.versions.filter((v) => v.served) ?? [];
  const lastDesignation = tl.data?.designations.map((d) => d.date).sort().pop();
  const launchesSince = lastDesignation ? tl.data!.launches.filter((l) => l.date > lastDesignation).length : undefined;
  const listEnd = tl.data ? tl.data.range.last : today();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Sanctions on North Korea</h1>
          <p className="muted">Lists held, provocations against pressure, and what changed lately.</p>
        </div>
        <Link to="/screen">Screen a name →</Link>
      </div>
      <div className="stats">
        <Stat label="Lists served" value={lists.data ? served.length : '…'}
          note={served.length ? `newest ${served.map((v) => v.published).sort().pop()}` : lists.error ? lists.error.message : undefined} to={<Link to="/lists">versions</Link>} />
        <Stat label="DPRK-related entities" value={lists.data ? fmtInt(lists.data.entities.dprk) : '…'} note={lists.data ? `of ${fmtInt(lists.data.entities.total)} merged entities` : undefined} />
        <Stat label="Days since the last DPRK designation" value={lastDesignation ? fmtInt(daysBetween(lastDesignation, today())) : tl.error ? '—' : '…'}
          note={lastDesignation ? `last action ${lastDesignation}; lists to ${served.map((v) => v.published).sort().pop() ?? '?'}` : tl.error?.message} />
        <Stat label="Launch days since then" value={launchesSince !== undefined ? fmtInt(launchesSince) : tl.error ? '—' : '…'} note={tl.data ? `event data to ${listEnd}` : undefined} to={<Link to="/timeline">timeline</Link>} />
        <GapsStat />
        <EventsStat />
      </div>

      <section className="card" aria-labelledby="chart-h">
        <h2 id="chart-h" style={{ marginTop: 0 }}>Provocations and pressure, by month since {DASHBOARD_FROM.slice(0, 4)}</h2>
        <div style={{ minHeight: 330 }}>
          {tl.error ? <ErrorBox error={tl.error} what="the timeline" /> : !tl.data ? <Loading what="the timeline" height={330} /> : (
            <Suspense fallback={<Loading what="the chart" height={330} />}>
              <MonthChart months={tl.data.periods.month} administrations={tl.data.administrations} from={DASHBOARD_FROM} to={tl.data.range.last} height={300} />
            </Suspense>
          )}
        </div>
      </section>

      <section aria-labelledby="fresh-h" style={{ minHeight: 200 }}>
        <h2 id="fresh-h">Lists served, and how fresh</h2>
        {lists.data ? (
          <Table caption="Served versions" csv="lists-served" rows={served} rowKey={(v) => String(v.id)}
            columns={[
              { key: 'dataset', label: 'List', value: (v) => v.dataset, render: (v) => <Link to={`/lists`}>{v.dataset}</Link> },
              { key: 'published', label: 'Published', value: (v) => v.published, nowrap: true },
              { key: 'age', label: 'Age (days)', value: (v) => daysBetween(v.published, today()), numeric: true,
                render: (v) => { const d = daysBetween(v.published, today()); return <span className={d > 90 ? 'chip amber' : ''} title={d > 90 ? 'older than 90 days: run chokepoint update' : undefined}>{fmtInt(d)}</span>; } },
              { key: 'records', label: 'Records', value: (v) => v.counts.records ?? null, numeric: true, render: (v) => fmtInt(v.counts.records), wide: true },
              { key: 'dprk', label: 'DPRK', value: (v) => v.counts.dprk ?? null, numeric: true, render: (v) => fmtInt(v.counts.dprk) },
            ]} />
        ) : lists.error ? null : <Loading what="lists" height={160} />}
      </section>
      <RecentEvents />
      <section aria-labelledby="deltas-h">
        <h2 id="deltas-h">Latest list deltas</h2>
        {lists.loading && !lists.data ? <Loading what="lists" height={160} /> : null}
        {lists.error ? <ErrorBox error={lists.error} what="the lists" /> : null}
        {lists.data ? <LatestDeltas versions={lists.data.versions} /> : null}
      </section>
    </>
  );
}

function GapsStat() {
  const exists = useRouteExists('/mandates/gaps');
  const gaps = useApi<{ summary?: { gaps: number; subjects_with_gaps: number }; gaps?: unknown[] }>(exists ? '/mandates/gaps' : null);
  const n = gaps.data ? gaps.data.summary?.gaps ?? gaps.data.gaps?.length : undefined;
  return <Stat label="Open enforcement gaps" value={n !== undefined ? fmtInt(n) : exists === false ? '—' : '…'} note={exists === false ? 'not on this server yet' : undefined} to={<Link to="/gaps">gaps</Link>} />;
}

type EventPage = { events: MaritimeEvent[]; total: number };

/** The newest maritime events: the total first, then the last page. */
function useRecentEvents(n: number) {
  const exists = useRouteExists('/ais/events');
  const head = useApi<EventPage>(exists ? '/ais/events?limit=1' : null, { fresh: true });
  const total = head.data?.total;
  const tail = useApi<EventPage>(total ? `/ais/events?limit=${n}&offset=${Math.max(0, total - n)}` : null, { fresh: true });
  return { exists, total, recent: tail.data ? [...tail.data.events].reverse() : total === 0 ? [] : undefined, error: head.error };
}

function EventsStat() {
  const { exists, total, recent } = useRecentEvents(5);
  const latest = recent?.[0]?.start;
  return <Stat label="Maritime events" value={total !== undefined ? fmtInt(total) : exists === false ? '—' : '…'}
    note={exists === false ? 'not on this server yet' : latest ? `latest ${latest.slice(0, 10)}` : total === 0 ? 'no AIS file loaded' : undefined} to={<Link to="/maritime">map</Link>} />;
}

function RecentEvents() {
  const { exists, recent, error } = useRecentEvents(5);
  if (exists === false) return null;
  return (
    <section aria-labelledby="recent-h" style={{ minHeight: 120 }}>
      <h2 id="recent-h">Recent maritime events</h2>
      {error ? <ErrorBox error={error} what="maritime events" /> : !recent ? <Loading what="events" height={80} /> : !recent.length ? <Empty title="No AIS data loaded yet."><Link to="/maritime">Load an AIS file</Link> to find encounters, gaps and port calls.</Empty> : (
        <Table caption="Newest events" csv="recent-maritime-events" rows={recent} rowKey={(e) => String(e.id)} pageSize={5}
          columns={[
            { key: 'type', label: 'Type', value: (e) => e.type, render: (e) => <Link to={`/maritime?event=${e.id}`}>{e.type.replace(/_/g, ' ')}</Link> },
            { key: 'start', label: 'When (UTC)', value: (e) => e.start.slice(0, 16).replace('T', ' '), nowrap: true },
            { key: 'mmsi', label: 'MMSI', value: (e) => e.mmsi.join(' ') },
            { key: 'region', label: 'Region', value: (e) => e.region ?? '', wide: true },
          ]} />
      )}
    </section>
  );
}

/** For each source with two versions or more: the delta from its previous version to the newest. */
function LatestDeltas({ versions }: { versions: ListVersion[] }) {
  const bySource = new Map<string, ListVersion[]>();
  for (const v of [...versions].sort((a, b) => a.published.localeCompare(b.published))) bySource.set(v.source, [...(bySource.get(v.source) ?? []), v]);
  const pairs = [...bySource.values()].filter((vs) => vs.length >= 2).map((vs) => [vs[vs.length - 2], vs[vs.length - 1]] as const);
  if (!pairs.length) return <Empty title="No source has two versions yet: nothing to compare." />;
  return <div className="grid two">{pairs.map(([a, b]) => <DeltaCard key={b.id} a={a} b={b} />)}</div>;
}

function DeltaCard({ a, b }: { a: ListVersion; b: ListVersion }) {
  const from = `${a.source}@${a.version}`, to = `${b.source}@${b.version}`;
  const d = useApi<VersionDelta>(`/lists/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=200`);
  const rows = d.data ? [
    ...d.data.added.map((r) => ({ ...r, change: 'added' })), ...d.data.removed.map((r) => ({ ...r, change: 'removed' })), ...d.data.changed.map((r) => ({ ...r, change: 'changed' })),
  ] : [];
  return (
    <div className="card" style={{ minHeight: 200 }}>
      <h3 style={{ marginTop: 0 }}><Link to={`/lists?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`}>{a.source}: {a.version} → {b.version}</Link></h3>
      {d.loading ? <Loading what="the delta" height={120} /> : null}
      {d.error ? <ErrorBox error={d.error} what="the delta" /> : null}
      {d.data ? (
        <>
          <p className="small-text">{fmtInt(d.data.counts.added)} added · {fmtInt(d.data.counts.removed)} removed · {fmtInt(d.data.counts.changed)} changed · {fmtInt(d.data.unchanged)} unchanged</p>
          <Table caption="Entries (first 200 of each kind)" csv={`${a.source}-${a.version}-to-${b.version}`} rows={rows} rowKey={(r) => `${r.change}|${r.id}`} pageSize={5}
            columns={[
              { key: 'change', label: 'Change', value: (r) => r.change },
              { key: 'caption', label: 'Name', value: (r) => r.caption, render: (r) => <Link to={`/entity/${encodeURIComponent(r.id)}`}>{r.caption}</Link> },
              { key: 'schema', label: 'Kind', value: (r) => r.schema, wide: true },
            ]} />
        </>
      ) : null}
    </div>
  );
}
