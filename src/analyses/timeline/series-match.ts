import type { IsoDay, UnscResolution } from '../../sources/events/types.js';
import type { AnnouncedAction } from './announced.js';
import type { DesignationAction } from './designation-actions.js';
import type { LaunchEvent, NuclearTest } from './launches.js';
import type { ListCoverage } from './list-coverage.js';
import { addDays, daysBetween } from './periods.js';

/**
 * Ties the hand-compiled series to the list data, without merging them: an announced OFAC action is checked
 * against the SDN additions of its day, a UN resolution against its trigger events and the UN listings of its
 * adoption day. Pure.
 */

/** The list announced OFAC actions are checked against. */
export const ANNOUNCED_LIST = 'us_ofac_sdn';
/** The list UNSC resolutions' listings appear on. */
export const UN_LIST = 'un_sc_sanctions';
/** An exactly dated list action within this many days of an announcement is the same action (time zones). */
export const ANNOUNCED_MATCH_SLACK_DAYS = 1;
/** Resolution trigger dates are U.S./UTC days: a KST launch or test day within this many days matches. */
export const TRIGGER_MATCH_TOLERANCE_DAYS = 1;

export interface RowEvidence {
  file: string;
  line: number;
  rowId: string;
  urls: string[];
}

export interface AnnouncedOut {
  series: 'ofac_announced';
  date: IsoDay;
  individuals: number | null;
  entities: number | null;
  vessels: number | null;
  authority_notes: string;
  summary: string;
  verification: string;
  /** The SDN version data covers the day (else no list action can be expected to match). */
  list_coverage: boolean;
  /** The SDN additions that date this action, if the list data covers it. */
  list_action: { list: string; date: IsoDay; after?: IsoDay; entities: string[] } | null;
  evidence: RowEvidence;
}

function matchesDay(a: DesignationAction, day: IsoDay): boolean {
  const lo = a.after ?? addDays(a.date, -ANNOUNCED_MATCH_SLACK_DAYS);
  const hi = a.after ? a.date : addDays(a.date, ANNOUNCED_MATCH_SLACK_DAYS);
  return lo <= day && day <= hi;
}

export function matchAnnounced(a: AnnouncedAction, actions: readonly DesignationAction[], coverage: readonly ListCoverage[]): AnnouncedOut {
  const range = coverage.find((c) => c.list === ANNOUNCED_LIST)?.range;
  const hit = actions.find((x) => x.list === ANNOUNCED_LIST && matchesDay(x, a.date));
  return {
    series: 'ofac_announced', date: a.date, individuals: a.individuals, entities: a.entities, vessels: a.vessels,
    authority_notes: a.authority_notes, summary: a.summary, verification: a.verification,
    list_coverage: !!range && range.first <= a.date && a.date <= range.last,
    list_action: hit ? { list: hit.list, date: hit.date, ...(hit.after ? { after: hit.after } : {}), entities: hit.entities } : null,
    evidence: { file: a.file, line: a.line, rowId: a.rowId, urls: a.urls },
  };
}

export interface TriggerMatch {
  trigger_date: IsoDay;
  days_to_adoption: number;
  events: { kind: 'launch' | 'nuclear_test'; date: IsoDay; class?: string }[];
}

export interface ResolutionOut {
  series: 'unsc';
  resolution: number;
  adoption_date: IsoDay;
  trigger_events: string;
  triggers: TriggerMatch[];
  key_measures: string;
  designations_added: string | null;
  /** UN list entries whose LISTED_ON is the adoption day. */
  un_listings_on_adoption: { date: IsoDay; entities: string[] } | null;
  verification: string;
  evidence: RowEvidence;
}

export function matchResolution(r: UnscResolution, launches: readonly LaunchEvent[], tests: readonly NuclearTest[], actions: readonly DesignationAction[]): ResolutionOut {
  const near = (day: IsoDay, t: IsoDay) => Math.abs(daysBetween(t, day)) <= TRIGGER_MATCH_TOLERANCE_DAYS;
  const listing = actions.find((a) => a.list === UN_LIST && a.date === r.adoptionDate);
  return {
    series: 'unsc', resolution: r.resolution, adoption_date: r.adoptionDate, trigger_events: r.triggerEvents,
    triggers: r.triggerEventDates.map((t) => ({
      trigger_date: t,
      days_to_adoption: daysBetween(t, r.adoptionDate),
      events: [
        ...tests.filter((n) => near(n.date, t)).map((n) => ({ kind: 'nuclear_test' as const, date: n.date })),
        ...launches.filter((l) => near(l.date, t)).map((l) => ({ kind: 'launch' as const, date: l.date, class: l.class })),
      ],
    })),
    key_measures: r.keyMeasures,
    designations_added: r.designationsAdded,
    un_listings_on_adoption: listing ? { date: listing.date, entities: listing.entities } : null,
    verification: r.verification,
    evidence: { file: r.file, line: r.line, rowId: r.rowId, urls: r.sourceUrls },
  };
}
