import { useEffect, useRef } from 'react';
import { Map as MlMap, Marker, NavigationControl, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { EVENT_COLORS, type MaritimeEvent } from './maritime-types';

setWorkerUrl(workerUrl);

/** Natural Earth 1:50m countries (world-atlas), bundled: the map needs no tile server. */
let coast: Promise<{ land: FeatureCollection; borders: GeoJSON.MultiLineString; dprk: FeatureCollection }> | undefined;
function coastline() {
  return (coast ??= fetch(countriesUrl).then((r) => r.json() as Promise<Topology>).then((t) => {
    const countries = t.objects.countries as GeometryCollection;
    const land = feature(t, countries) as unknown as FeatureCollection;
    return {
      land,
      borders: mesh(t, countries, (a, b) => a !== b) as GeoJSON.MultiLineString,
      dprk: { type: 'FeatureCollection', features: land.features.filter((f) => String(f.id) === '408') },
    };
  }));
}

export type Regions = FeatureCollection;

const typeColor = ['match', ['get', 'type'], ...Object.entries(EVENT_COLORS).flat(), '#333'] as unknown as string;

/** The map: coastline, DPRK ports and hotspots, events coloured by type (click one to select it), the selected vessel's track. */
export function MapView({ events, regions, selected, onSelect, onView, track }: {
  events: MaritimeEvent[];
  regions?: Regions;
  selected?: string;
  onSelect: (id: string) => void;
  onView?: (bbox: [number, number, number, number]) => void;
  track?: GeoJSON.Feature<GeoJSON.LineString>[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap>(undefined);
  const ready = useRef<Promise<void>>(undefined);
  const markers = useRef<Marker[]>([]);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onViewRef = useRef(onView);
  onViewRef.current = onView;

  useEffect(() => {
    const m = new MlMap({
      container: box.current!, center: [126, 36], zoom: 4, minZoom: 1, maxZoom: 14, attributionControl: { compact: true, customAttribution: 'Natural Earth' },
      style: { version: 8, sources: {}, layers: [{ id: 'water', type: 'background', paint: { 'background-color': '#cfe0ee' } }] },
    });
    map.current = m;
    // For the browser tests: they ask the map which events it drew.
    (box.current as HTMLDivElement & { maplibre?: MlMap }).maplibre = m;
    const ro = new ResizeObserver(() => m.resize());
    ro.observe(box.current!);
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    ready.current = new Promise<void>((resolve) => m.on('load', async () => {
      const c = await coastline();
      m.addSource('land', { type: 'geojson', data: c.land });
      m.addLayer({ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1ea' } });
      m.addSource('dprk', { type: 'geojson', data: c.dprk });
      m.addLayer({ id: 'dprk', type: 'fill', source: 'dprk', paint: { 'fill-color': '#f6d9cf' } });
      m.addSource('borders', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: c.borders } });
      m.addLayer({ id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#a9a49a', 'line-width': 0.7 } });
      m.addLayer({ id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#8c9aa8', 'line-width': 0.6 } });
      m.addSource('regions', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({ id: 'hotspots', type: 'fill', source: 'regions', filter: ['==', ['get', 'kind'], 'hotspot'], paint: { 'fill-color': '#f59e0b', 'fill-opacity': 0.07 } });
      m.addLayer({ id: 'hotspots-line', type: 'line', source: 'regions', filter: ['==', ['get', 'kind'], 'hotspot'], paint: { 'line-color': '#c2410c', 'line-width': 1.5, 'line-dasharray': [2, 2] } });
      m.addLayer({ id: 'ports', type: 'circle', source: 'regions', filter: ['==', ['get', 'kind'], 'port'], paint: { 'circle-radius': 2.5, 'circle-color': '#64748b' } });
      m.addSource('track', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({ id: 'track', type: 'line', source: 'track', paint: { 'line-color': '#0f172a', 'line-width': 1.5, 'line-opacity': 0.7 } });
      m.addSource('event-lines', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({ id: 'event-lines', type: 'line', source: 'event-lines', paint: { 'line-color': typeColor, 'line-width': 2, 'line-dasharray': [1, 1.5] } });
      m.addSource('events', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({ id: 'events', type: 'circle', source: 'events', paint: {
        'circle-radius': ['case', ['boolean', ['get', 'selected'], false], 9, 5.5], 'circle-color': typeColor,
        'circle-stroke-color': ['case', ['boolean', ['get', 'selected'], false], '#111', '#fff'], 'circle-stroke-width': ['case', ['boolean', ['get', 'selected'], false], 3, 1],
      } });
      m.on('click', 'events', (e: MapLayerMouseEvent) => {
        const id = e.features?.[0]?.properties?.id;
        if (id !== undefined) onSelectRef.current(String(id));
      });
      m.on('mouseenter', 'events', () => (m.getCanvas().style.cursor = 'pointer'));
      m.on('mouseleave', 'events', () => (m.getCanvas().style.cursor = ''));
      m.on('moveend', () => {
        const b = m.getBounds();
        onViewRef.current?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      });
      resolve();
      m.once('idle', () => box.current?.setAttribute('data-ready', 'true'));
    }));
    return () => {
      ro.disconnect();
      m.remove();
      map.current = undefined;
    };
  }, []);

  useEffect(() => {
    void ready.current?.then(() => {
      const m = map.current;
      if (!m || !regions) return;
      (m.getSource('regions') as GeoJSONSource).setData(regions);
      for (const mk of markers.current) mk.remove();
      markers.current = regions.features.filter((f) => f.properties?.kind === 'dprk_port' && f.geometry.type === 'Point').map((f) => {
        const el = document.createElement('div');
        el.className = 'port-marker';
        el.title = `${f.properties!.name} (DPRK port)`;
        el.setAttribute('aria-label', el.title);
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        return new Marker({ element: el }).setLngLat([lon, lat]).addTo(m);
      });
    });
  }, [regions]);

  useEffect(() => {
    void ready.current?.then(() => {
      const m = map.current;
      if (!m) return;
      (m.getSource('events') as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: events.map((e, i) => ({ type: 'Feature', properties: { id: String(e.id ?? i), type: e.type, selected: String(e.id ?? i) === selected }, geometry: { type: 'Point', coordinates: [e.lon, e.lat] } })),
      });
      // Gaps and inferred port calls: the line from where the vessel went dark to where it reappeared.
      (m.getSource('event-lines') as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: events.flatMap((e) => {
          const f = e.evidence?.from as { lat?: number; lon?: number } | undefined, t = e.evidence?.to as { lat?: number; lon?: number } | undefined;
          if (typeof f?.lat !== 'number' || typeof f.lon !== 'number' || typeof t?.lat !== 'number' || typeof t.lon !== 'number') return [];
          return [{ type: 'Feature' as const, properties: { type: e.type }, geometry: { type: 'LineString' as const, coordinates: [[f.lon, f.lat], [t.lon, t.lat]] } }];
        }),
      });
      box.current?.setAttribute('data-events', String(events.length));
    });
  }, [events, selected]);

  // Fit the map to the events when the set changes (not when one is selected: the map then pans to it).
  const fitted = useRef('');
  useEffect(() => {
    const key = `${events.length}:${events[0]?.id ?? ''}:${events[events.length - 1]?.id ?? ''}`;
    if (!events.length || key === fitted.current) return;
    fitted.current = key;
    void ready.current?.then(() => {
      const m = map.current;
      if (!m) return;
      const lons = events.map((e) => e.lon), lats = events.map((e) => e.lat);
      m.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding: 60, maxZoom: 6, duration: 0 });
    });
  }, [events]);

  useEffect(() => {
    void ready.current?.then(() => {
      const m = map.current;
      if (!m) return;
      (m.getSource('track') as GeoJSONSource).setData({ type: 'FeatureCollection', features: track ?? [] });
    });
  }, [track]);

  useEffect(() => {
    const e = events.find((x, i) => String(x.id ?? i) === selected);
    const m = map.current;
    if (!e || !m) return;
    const inView = m.getBounds().contains([e.lon, e.lat]);
    if (!inView || m.getZoom() < 4) m.easeTo({ center: [e.lon, e.lat], zoom: Math.max(m.getZoom(), 5) });
  }, [selected]);

  return <div ref={box} className="map" role="region" aria-label="Map of maritime events, DPRK ports and STS hotspots" />;
}
