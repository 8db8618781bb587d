import { createRoute, z } from '@hono/zod-openapi';
import { loadRegions, regionsDirSetting, type Regions } from '../../../analyses/maritime/regions.js';
import { router } from '../router.js';
import { json } from '../schemas.js';

/** GET /regions: the places the maritime detectors know (DPRK ports, other ports, STS hotspots, override areas) as GeoJSON, for the map. */

const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    properties: z.record(z.string(), z.unknown()),
    geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
  })),
}).openapi('RegionsGeoJSON');

const route = createRoute({
  method: 'get', path: '/regions', tags: ['System'], summary: 'DPRK ports, other ports, STS hotspots and override areas as GeoJSON',
  description: 'Read from the regions folder (CHOKEPOINT_REGIONS_DIR) or the built-in copies of ../shared/data/regions. '
    + 'Each feature has `kind` (dprk_port, port, hotspot, override) and `name`.',
  responses: { 200: json(FeatureCollection, 'GeoJSON FeatureCollection') },
});

export function regionsGeoJson(r: Regions) {
  const dprk = new Set(r.dprkPorts.map((p) => p.name));
  const box = (b: readonly number[]) => [[[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]];
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...r.ports.map((p) => ({
        type: 'Feature' as const, properties: { kind: dprk.has(p.name) && p.country === 'kp' ? 'dprk_port' : 'port', name: p.name, country: p.country, source: p.source },
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] as unknown },
      })),
      ...r.hotspots.map((h) => ({ type: 'Feature' as const, properties: { kind: 'hotspot', name: h.name }, geometry: { type: 'Polygon', coordinates: h.rings as unknown } })),
      ...r.overrides.map((o) => ({
        type: 'Feature' as const, properties: { kind: 'override', name: o.name, overrides: o.overrides, source: o.source },
        geometry: { type: 'MultiPolygon', coordinates: o.boxes.map(box) as unknown },
      })),
    ],
  };
}

export function regionRoutes() {
  let cached: ReturnType<typeof regionsGeoJson> | undefined;
  return router().openapi(route, (c) => c.json((cached ??= regionsGeoJson(loadRegions(regionsDirSetting()))), 200));
}
