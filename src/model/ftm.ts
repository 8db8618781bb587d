import type { Entity } from './entity.js';

/** An entity in FollowTheMoney's JSON form (one line of an FtM JSON-lines file). */
export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  referents?: string[];
  first_seen?: string;
  last_seen?: string;
  target?: boolean;
}

/** The entity plus its Sanction and link entities, as FtM objects. */
export function toFtm(e: Entity): FtmEntity[] {
  const props: Record<string, string[]> = { ...e.properties, topics: e.topics };
  const programs = [...new Set(e.sanctions.flatMap((s) => s.programs))];
  if (programs.length) props.program = programs;
  const main: FtmEntity = {
    id: e.id, schema: e.schema, caption: e.caption, properties: props, datasets: e.datasets, referents: e.referents,
    target: true, ...(e.firstSeen ? { first_seen: e.firstSeen } : {}), ...(e.lastSeen ? { last_seen: e.lastSeen } : {}),
  };
  const out: FtmEntity[] = [main];
  e.sanctions.forEach((s, i) => {
    const p: Record<string, string[]> = { entity: [e.id], authority: [s.authority], program: s.programs, authorityId: [s.record] };
    if (s.listingDate) p.listingDate = [s.listingDate];
    if (s.reason) p.reason = [s.reason];
    if (s.provisions?.length) p.provisions = s.provisions;
    out.push({ id: `${e.id}-sanction-${i + 1}`, schema: 'Sanction', properties: p, datasets: [s.dataset] });
  });
  e.links.forEach((l, i) => {
    if (!l.target) return;
    out.push({
      id: `${e.id}-link-${i + 1}`, schema: 'UnknownLink',
      properties: { subject: [e.id], object: [l.target], role: [l.type === 'linked_to' ? 'Linked To' : l.type] },
      datasets: e.datasets,
    });
  });
  return out;
}
