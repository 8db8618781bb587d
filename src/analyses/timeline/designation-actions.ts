import type { DateRange, IsoDay } from '../../sources/events/types.js';
import { administrationOn } from './administrations.js';
import { basisOf, type DesignationReason, type DprkBasis } from './relatedness.js';

/**
 * The pressure side of the timeline from list data: when each DPRK-related record entered its list, and those
 * entries grouped into designation actions (one per list and date). Pure: the store is read in designations.ts.
 *
 * Dating, best first:
 *  1. the list states the day (UN LISTED_ON, UK 'Listed On'): exact;
 *  2. a derived daily change log row 'added' (OFAC): between previous_date and date;
 *  3. held versions: absent from one, present in the next: between the two publication days;
 *  4. present in the first version held: on or before that day. This is the list's INITIAL STATE, never an
 *     action on that day, and never in lag statistics.
 */

/** Where a dating comes from: one item per record and fact, enough to find the row again. */
export type DesignationEvidence =
  | { source: 'list_date'; record: string; field: string; value: IsoDay; version: string }
  | { source: 'change_log'; record: string; origin: string; date: IsoDay; previous_date: IsoDay | null; change: string; name: string; program: string }
  | { source: 'version_diff'; record: string; absent_in: string; present_in: string };

/** A held version of a list (label `ofac@2022-01-12`). */
export interface HeldVersion {
  label: string;
  published: IsoDay;
}

export interface ChangeLogAddition {
  origin: string;
  date: IsoDay;
  previous_date: IsoDay | null;
  change: string;
  name: string;
  program: string;
}

/** What is known about one record of one list, gathered from the store. */
export interface RecordHistory {
  list: string;
  source: string;
  record: string;
  /** Merged entity holding the record (null when the record is no longer in a served version). */
  entity: string | null;
  caption: string;
  schema: string;
  programs: string[];
  reasons: DesignationReason[];
  /** First and last held version publication holding the record (null: only in the change log). */
  span: DateRange | null;
  /** The day the list states (UN LISTED_ON), with the field and version it was read from. */
  listDate?: { value: IsoDay; field: string; version: string };
  /** Change-log rows that added the record. */
  changeLog: ChangeLogAddition[];
}

export type DatePrecision = 'exact' | 'between' | 'on_or_before';

/** One record's entry onto its list. */
export interface Addition {
  list: string;
  record: string;
  entity: string | null;
  caption: string;
  schema: string;
  programs: string[];
  reasons: DesignationReason[];
  basis: DprkBasis;
  date: IsoDay;
  precision: DatePrecision;
  /** For 'between': the last day the record was known absent. */
  after?: IsoDay;
  evidence: DesignationEvidence[];
}

export interface DesignationProblem {
  kind: 'listed-after-first-seen' | 'change-log-before-first-version';
  records: string[];
  message: string;
}

/** The entries of one list present in the first version held: designated on or before that day. */
export interface InitialState {
  list: string;
  on_or_before: IsoDay;
  version: string;
  entities: string[];
  program_tagged: number;
  related: number;
}

export interface DesignatedRecord {
  caption: string;
  schema: string;
  programs: string[];
  entity: string | null;
  basis: DprkBasis;
}

/** Additions of one list on one date: the unit counted as a designation action. */
export interface DesignationAction {
  date: IsoDay;
  date_precision: 'exact' | 'between';
  after?: IsoDay;
  list: string;
  /** Record ids as the list has them (`ofac-27207`, `un-KPe.001`); each is a referent for GET /entities/{id}. */
  entities: string[];
  /** Per record: its name, schema, programmes, merged entity (null when no longer served) and basis. */
  records: Record<string, DesignatedRecord>;
  /** Programmes of all records (union). */
  programs: string[];
  /** Per record: why it is DPRK-related. */
  dprk_reasons: Record<string, DesignationReason[]>;
  /** 'program' when at least one record carries a DPRK tag or UN KP reference itself; else 'related' (flagged). */
  dprk_basis: DprkBasis;
  /** Records designated under other programmes that are DPRK-related only by nationality, link or provision. */
  flagged: string[];
  /** U.S. administration on that date (U.S. calendar). */
  administration: string | null;
  evidence: DesignationEvidence[];
}

function withinInterval(day: IsoDay, after: IsoDay, upTo: IsoDay): boolean {
  return day > after && day <= upTo;
}

/** The entries of one record onto its list. Pure. */
export function additionsOf(h: RecordHistory, versions: readonly HeldVersion[], problems: DesignationProblem[]): Addition[] {
  const basis = basisOf(h.record, h.reasons);
  if (!basis) return [];
  const base = { list: h.list, record: h.record, entity: h.entity, caption: h.caption, schema: h.schema, programs: h.programs, reasons: h.reasons, basis };
  const firstIndex = h.span ? versions.findIndex((v) => v.published === h.span?.first) : -1;
  const first = firstIndex >= 0 ? versions[firstIndex] : undefined;
  if (h.listDate) {
    if (first && h.listDate.value > first.published) {
      problems.push({ kind: 'listed-after-first-seen', records: [h.record], message: `${h.record}: ${h.listDate.field} ${h.listDate.value} is after its first held version ${first.label}` });
    }
    return [{ ...base, date: h.listDate.value, precision: 'exact', evidence: [{ source: 'list_date', record: h.record, ...h.listDate }] }];
  }
  const out: Addition[] = [];
  for (const c of h.changeLog) {
    if (versions[0] && c.date <= versions[0].published) {
      problems.push({ kind: 'change-log-before-first-version', records: [h.record], message: `${h.record}: change log adds it on ${c.date}, not after the first held version ${versions[0].label}` });
    }
    out.push({
      ...base, date: c.date, precision: 'between', ...(c.previous_date ? { after: c.previous_date } : {}),
      evidence: [{ source: 'change_log', record: h.record, origin: c.origin, date: c.date, previous_date: c.previous_date, change: c.change, name: c.name, program: c.program }],
    });
  }
  if (!first) return out;
  if (firstIndex === 0) {
    out.push({ ...base, date: first.published, precision: 'on_or_before', evidence: [] });
    return out;
  }
  const before = versions[firstIndex - 1];
  const diff: DesignationEvidence = { source: 'version_diff', record: h.record, absent_in: before.label, present_in: first.label };
  const narrower = out.find((a) => withinInterval(a.date, before.published, first.published));
  if (narrower) narrower.evidence.push(diff);
  else out.push({ ...base, date: first.published, precision: 'between', after: before.published, evidence: [diff] });
  return out;
}

function sorted<T>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort();
}

/** Groups dated additions into actions (list, date, interval start); on_or_before entries become initial state. */
export function groupActions(additions: readonly Addition[], versionsByList: ReadonlyMap<string, readonly HeldVersion[]>): { actions: DesignationAction[]; initialState: InitialState[] } {
  const groups = new Map<string, Addition[]>();
  const initial = new Map<string, Addition[]>();
  for (const a of additions) {
    const target = a.precision === 'on_or_before' ? initial : groups;
    const key = a.precision === 'on_or_before' ? a.list : `${a.list}|${a.date}|${a.after ?? ''}`;
    const list = target.get(key);
    if (list) list.push(a);
    else target.set(key, [a]);
  }
  const actions = [...groups.values()].map((adds): DesignationAction => {
    const a0 = adds[0];
    const records = sorted(adds.map((a) => a.record));
    const flagged = sorted(adds.filter((a) => a.basis === 'related').map((a) => a.record));
    return {
      date: a0.date,
      date_precision: a0.precision === 'exact' ? 'exact' : 'between',
      ...(a0.after ? { after: a0.after } : {}),
      list: a0.list,
      entities: records,
      records: Object.fromEntries(adds.map((a) => [a.record, { caption: a.caption, schema: a.schema, programs: a.programs, entity: a.entity, basis: a.basis }])),
      programs: sorted(adds.flatMap((a) => a.programs)),
      dprk_reasons: Object.fromEntries(adds.map((a) => [a.record, a.reasons])),
      dprk_basis: flagged.length === records.length ? 'related' : 'program',
      flagged,
      administration: administrationOn(a0.date, 'US')?.president ?? null,
      evidence: adds.flatMap((a) => a.evidence),
    };
  });
  actions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.list.localeCompare(b.list)));
  const initialState = [...initial.entries()].map(([list, adds]): InitialState => {
    const first = versionsByList.get(list)?.[0];
    return {
      list,
      on_or_before: adds[0].date,
      version: first?.label ?? '',
      entities: sorted(adds.map((a) => a.record)),
      program_tagged: adds.filter((a) => a.basis === 'program').length,
      related: adds.filter((a) => a.basis === 'related').length,
    };
  });
  return { actions, initialState: initialState.sort((a, b) => a.list.localeCompare(b.list)) };
}

/**
 * The actions of one basis. 'any': every DPRK-related addition. 'program': only records that carry a DPRK tag or
 * UN KP reference themselves (flagged records dropped, actions left empty dropped).
 */
export function actionsOfBasis(actions: readonly DesignationAction[], basis: 'any' | 'program'): DesignationAction[] {
  if (basis === 'any') return [...actions];
  return actions.flatMap((a) => {
    const keep = a.entities.filter((id) => !a.flagged.includes(id));
    if (!keep.length) return [];
    const pick = <T>(m: Record<string, T>) => Object.fromEntries(keep.map((id) => [id, m[id]]));
    const records = pick(a.records);
    return [{
      ...a, entities: keep, records, programs: sorted(Object.values(records).flatMap((r) => r.programs)), dprk_reasons: pick(a.dprk_reasons),
      dprk_basis: 'program' as const, flagged: [], evidence: a.evidence.filter((e) => keep.includes(e.record)),
    }];
  });
}
