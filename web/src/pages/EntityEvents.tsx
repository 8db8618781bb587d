import { Link } from '../components/Link';
import { Loading } from '../components/States';
import { Table } from '../components/Table';
import { useApi, useRouteExists } from '../lib/api';
import type { EntityDetail } from '../lib/types';
import type { MaritimeEvent } from './maritime-types';

/** A vessel's maritime events (by IMO and MMSI), when the maritime API is there. */
export function EntityEvents({ entity }: { entity: EntityDetail }) {
  const exists = useRouteExists('/ais/events');
  const imo = entity.properties.imoNumber?.[0];
  const mmsi = entity.properties.mmsi?.[0];
  // The events API filters by MMSI; a vessel listed only by IMO is looked for in the events' IMO numbers.
  const ev = useApi<{ events: MaritimeEvent[] }>(exists && (imo || mmsi) ? `/ais/events?limit=10000${mmsi ? `&mmsi=${mmsi}` : ''}` : null);
  const events = (ev.data?.events ?? []).filter((e) => mmsi || (e.imo ?? []).some((x) => String(x) === imo));
  return (
    <section aria-labelledby="ev-h">
      <h2 id="ev-h">Maritime events</h2>
      {exists === false ? <div className="state empty"><strong>Maritime events are not available on this server yet.</strong></div> : null}
      {exists && !imo && !mmsi ? <div className="state empty"><strong>No IMO or MMSI in the lists for this vessel.</strong></div> : null}
      {ev.loading ? <Loading what="events" /> : null}
      {ev.data ? (
        <Table caption={`Events for ${imo ? `IMO ${imo}` : ''}${mmsi ? ` MMSI ${mmsi}` : ''}`} csv={`${entity.id}-events`} rows={events} rowKey={(e, i) => `${e.type}|${e.start}|${i}`}
          empty="No events in the AIS data loaded."
          columns={[
            { key: 'type', label: 'Type', value: (e) => e.type },
            { key: 'start', label: 'Start', value: (e) => e.start, nowrap: true, render: (e) => <Link to={`/maritime?event=${encodeURIComponent(e.id ?? '')}`}>{e.start}</Link> },
            { key: 'end', label: 'End', value: (e) => e.end, wide: true },
            { key: 'region', label: 'Region', value: (e) => e.region ?? '' },
            { key: 'confidence', label: 'Confidence', value: (e) => e.confidence, numeric: true },
          ]} />
      ) : null}
    </section>
  );
}
