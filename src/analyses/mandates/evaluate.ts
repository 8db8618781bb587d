/**
 * The evaluation: for each subject, which provisions its evidence triggers (evidence -> condition -> provision),
 * whether it is designated (by whom, when, under which programme), and the gaps — triggered, mandatory, not
 * designated by the United States, and how long since the evidence. Also the reverse view per provision.
 *
 * Knowledge ("knowingly") is never asserted: each chain carries the evidence's confidence times the condition's
 * strength factor (and, for conduct attributed to an owner, the ownership item's confidence) as its strength.
 */
import type { Db } from '../../store/db.js';
import { designationFacts, listEvidence, ofacNamesContaining, type DesignationFacts, type EvidenceItem } from '../../store/evidence.js';
import { describeListing, type ListingDate } from '../../model/entity.js';
import { PROVISIONS, type Condition, type CounterpartyTest, type Provision } from './provisions.js';
import { SubjectResolver, type Subject } from './subjects.js';
import { KIND_BY_NAME } from './evidence-kinds.js';
import { ScreeningService } from '../screening/service.js';
import { matchQuery } from '../screening/match.js';
import type { ScreeningIndex } from '../screening/index/build.js';
import type { SchemaName } from '../../model/schema.js';

export interface EvidenceRef {
  id: number;
  kind: string;
  label: string;
  subject: string;
  counterparty: string | null;
  counterparty_caption: string | null;
  /** What the held lists say about the counterparty: "listed: OFAC DPRK4 (ofac-23736)", "DPRK flag", or null. */
  counterparty_status: string | null;
  start: string;
  end: string;
  place: string | null;
  origin: string;
  citation: string;
  confidence: number;
  attempt: boolean;
  link: Record<string, unknown>;
}

export interface Chain {
  evidence: EvidenceRef;
  /** The ownership or operation item that attributes a vessel's conduct to its owner. */
  via?: EvidenceRef;
  /** The condition in words: what matched. */
  condition: string;
  note?: string;
  strength: number;
}

export interface Trigger {
  provision: string;
  citation: string;
  short_title: string;
  mandatory: boolean;
  action: Provision['action'];
  chains: Chain[];
  strength: number;
  strength_label: StrengthLabel;
  first_evidence: string;
  latest_evidence: string;
  prerequisite?: string;
}

export interface Listing {
  authority: string;
  dataset: string;
  programs: string[];
  record: string;
  /** The listing date in words ("between 2018-02-20 and 2018-02-24 (...)"). */
  listed: string;
  date?: string;
}

export interface Designation {
  /** On an OFAC list as of the evaluation date. */
  us: boolean;
  /** On any held list. */
  any: boolean;
  listings: Listing[];
}

export interface EntityResult {
  subject: Subject;
  designation: Designation;
  triggers: Trigger[];
  evidence: EvidenceRef[];
}

export interface Gap {
  subject: string;
  caption: string;
  schema: string;
  provision: string;
  citation: string;
  short_title: string;
  action: string;
  strength: number;
  strength_label: StrengthLabel;
  latest_evidence: string;
  days_since_evidence: number;
  /** Listings by others (UN, UK, EU) while the United States has not designated. */
  other_listings: Listing[];
  /**
   * OFAC entries whose name contains the subject's name (the merge did not join them): the subject may be designated
   * under another name. Such rows are held back from the gap count and listed to be checked by hand.
   */
  possible_us_listings: { record: string; caption: string }[];
  chains: Chain[];
  prerequisite?: string;
}

export interface ProvisionRow {
  id: string;
  citation: string;
  short_title: string;
  mandatory: boolean;
  action: string;
  subject: string;
  triggered: number;
  designated: number;
  gaps: number;
  /** Triggered, not designated under the subject's name, but an OFAC entry carries a name containing it: to check. */
  to_check: number;
  /** Triggered where the action cannot be checked against held data (vessel list, reports). */
  findings: number;
}

export type StrengthLabel = 'strong' | 'moderate' | 'weak';

export interface Evaluation {
  as_of: string;
  entities: EntityResult[];
  gaps: Gap[];
  /** Like gaps, but an OFAC entry under a name containing the subject's may be the same target: check by hand. */
  to_check: Gap[];
  provisions: ProvisionRow[];
  summary: {
    evidence_items: number;
    subjects_with_evidence: number;
    /** Subjects meeting at least one provision whose action is to designate or impose sanctions. */
    subjects_triggering: number;
    /** Subjects meeting only provisions whose action cannot be checked (vessel list, reports, screening). */
    subjects_with_findings_only: number;
    gaps: number;
    subjects_with_gaps: number;
    to_check: number;
    designated_triggering: number;
  };
}

export function strengthLabel(s: number): StrengthLabel {
  return s >= 0.75 ? 'strong' : s >= 0.5 ? 'moderate' : 'weak';
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const day = (iso: string) => iso.slice(0, 10);
const GAP_ACTIONS = new Set(['designate', 'impose_sanctions']);
const PERSON_SUBJECTS = new Set(['person', 'person_or_vessel', 'foreign_financial_institution']);

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${day(b)}T00:00:00Z`) - Date.parse(`${day(a)}T00:00:00Z`)) / 86_400_000);
}

/** Where the evaluation gets designations and subjects; swapped in tests. */
export interface EvaluationOptions {
  /** YYYY-MM-DD; default today (UTC). Evidence after it and listings dated after it are left out. */
  asOf?: string;
  provisions?: readonly Provision[];
  /**
   * The screening index, to look for OFAC entries under another spelling of a gap subject's name (the merge joins
   * records by stronger rules). Built from the store on first need when not given; `false` skips the check.
   */
  screening?: ScreeningIndex | false;
}

/**
 * Screening score from which an OFAC entry is shown as "possibly the same target" and the gap is held back for a
 * check by hand. Deliberately low: "SHANGHAI DONGFENG SHIPPING CO LTD" (UN) and "SHANGHAI DONGFENG SHPG CO LTD"
 * (OFAC) score 0.47, and calling a designated target a gap is the worse error in an oversight report.
 */
export const POSSIBLE_LISTING_SCORE = 0.45;

type Leaf = Extract<Condition, { evidence: string[] }>;

/** A listed entity's listings as of a day: every record's sanctions with the listing date in words. */
export function listingsFrom(e: DesignationFacts | undefined, asOf: string): Listing[] {
  if (!e) return [];
  const out: Listing[] = [];
  for (const sa of e.sanctions) {
    const ld = e.listed.find((l) => l.record === sa.record) as ListingDate | undefined;
    const date = sa.listingDate ?? ld?.date;
    // A listing counts from its date; "on or before D" (present in the first version held) says nothing of the days
    // before D, so such a listing counts on any day rather than make a gap of a target that may have been designated
    // for years (calling a designated target a gap is the worse error). "Between A and D" counts from D.
    const unbounded = !sa.listingDate && ld?.precision === 'on_or_before';
    if (date && date > asOf && !unbounded) continue;
    out.push({
      authority: sa.authority, dataset: sa.dataset, programs: sa.programs, record: sa.record,
      listed: sa.listingDate ? `on ${sa.listingDate} (the list states it)` : ld ? describeListing(ld) : 'date unknown', ...(date ? { date } : {}),
    });
  }
  return out;
}

/** Designation of one subject as of a day. */
export async function designationOfSubject(db: Db, s: Subject, asOf: string): Promise<Designation> {
  if (!s.entityId) return { us: false, any: false, listings: [] };
  const listings = listingsFrom((await designationFacts(db, [s.entityId])).get(s.entityId), asOf);
  return { us: listings.some((l) => l.authority === 'OFAC'), any: listings.length > 0, listings };
}

function leaves(c: Condition): Leaf[] {
  if ('any' in c) return c.any.flatMap(leaves);
  if ('all' in c) return c.all.flatMap(leaves);
  return [c];
}

const TEST_WORDS: Record<CounterpartyTest, string> = { designated: 'on a sanctions list', dprk_flagged: 'DPRK-flagged', dprk_linked: 'DPRK-linked', tanker: 'a tanker' };

function describeLeaf(l: Leaf): string {
  const kinds = l.evidence.map((k) => KIND_BY_NAME.get(k)?.label ?? k).join(' or ');
  const all = (l.counterparty?.all ?? []).map((t) => TEST_WORDS[t]);
  const any = l.counterparty?.any?.length ? [l.counterparty.any.map((t) => TEST_WORDS[t]).join(' or ')] : [];
  const cp = [...all, ...any];
  return `${kinds}${cp.length ? ` with a counterparty that is ${cp.join(' and ')}` : ''}${l.attempt ? ' (attempt)' : ''}${l.on_or_after ? ` on or after ${l.on_or_after}` : ''}`;
}

export async function evaluate(db: Db, opts: EvaluationOptions = {}): Promise<Evaluation> {
  const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
  const provisions = opts.provisions ?? PROVISIONS;
  const resolver = new SubjectResolver(db);
  // Conduct counts up to the evaluation date; ownership and operation are standing relations, dated by when they
  // were recorded (often after the conduct), so they are used whatever their date.
  const STANDING = new Set(['owns', 'operates']);
  const items = (await listEvidence(db)).filter((e) => STANDING.has(e.kind) || e.start <= `${asOf}T23:59:59Z`);

  // Resolve every id once.
  const subjectOf = new Map<string, Subject | undefined>();
  for (const id of new Set(items.flatMap((e) => [e.subject, ...(e.counterparty ? [e.counterparty] : [])]))) subjectOf.set(id, await resolver.resolve(id));
  const keyOf = (id: string | null) => (id ? subjectOf.get(id)?.key ?? id : null);

  // Designation facts of every listed subject and counterparty, in one query.
  const facts = await designationFacts(db, [...new Set([...subjectOf.values()].map((x) => x?.entityId).filter((x): x is string => !!x))]);

  const listingsOf = async (s: Subject | undefined): Promise<Listing[]> => (s?.entityId ? listingsFrom(facts.get(s.entityId), asOf) : []);

  const designationOf = async (s: Subject | undefined): Promise<Designation> => {
    const listings = await listingsOf(s);
    return { us: listings.some((l) => l.authority === 'OFAC'), any: listings.length > 0, listings };
  };

  const test = async (t: CounterpartyTest, cpId: string | null, item: EvidenceItem): Promise<boolean> => {
    if (!cpId) return false;
    const s = subjectOf.get(cpId);
    const flagged = s?.flag === 'kp' || /^mmsi-445\d{6}$/.test(cpId) || (s?.mmsi?.startsWith('445') ?? false);
    if (t === 'dprk_flagged') return flagged;
    if (t === 'designated') return (await designationOf(s)).any;
    if (t === 'dprk_linked') {
      if (flagged) return true;
      if (!s?.entityId) return false;
      return (facts.get(s.entityId)?.dprk.length ?? 0) > 0;
    }
    if (t === 'tanker') {
      const stated = [item.detail.counterparty_type, item.detail.cargo].filter((x): x is string => typeof x === 'string');
      if (stated.some((x) => /tanker|petroleum|oil|fuel/i.test(x))) return true;
      if (!s?.entityId) return false;
      return /tanker/i.test((await resolver.vesselType(s.entityId)) ?? '');
    }
    return false;
  };

  const cpStatus = new Map<string, string | null>();
  for (const e of items) {
    if (!e.counterparty || cpStatus.has(e.counterparty)) continue;
    const s = subjectOf.get(e.counterparty);
    const d = await designationOf(s);
    const parts = d.listings.map((l) => `${l.authority} ${l.programs.join(',')}`.trim());
    const flag = s?.flag === 'kp' || /^mmsi-445\d{6}$/.test(e.counterparty) ? 'DPRK flag' : null;
    cpStatus.set(e.counterparty, [parts.length ? `listed: ${[...new Set(parts)].join('; ')} (${s?.entityId})` : null, flag].filter(Boolean).join(', ') || null);
  }
  const refOf = (e: EvidenceItem): EvidenceRef => ({
    id: e.id, kind: e.kind, label: KIND_BY_NAME.get(e.kind)?.label ?? e.kind, subject: e.subject, counterparty: e.counterparty,
    counterparty_caption: e.counterparty ? subjectOf.get(e.counterparty)?.caption ?? e.counterparty : null,
    counterparty_status: e.counterparty ? cpStatus.get(e.counterparty) ?? null : null, start: e.start, end: e.end,
    place: e.place, origin: e.origin, citation: e.citation, confidence: e.confidence, attempt: e.attempt, link: e.link,
  });

  // Ownership and operation: asset key -> [owner key, item].
  const ownersOf = new Map<string, { owner: string; item: EvidenceItem }[]>();
  for (const e of items) {
    if ((e.kind === 'owns' || e.kind === 'operates') && e.counterparty) {
      const asset = keyOf(e.counterparty)!;
      const owner = keyOf(e.subject)!;
      if (asset === owner) continue;
      const l = ownersOf.get(asset) ?? [];
      l.push({ owner, item: e });
      ownersOf.set(asset, l);
    }
  }

  // Items by subject key (each item is about its subject).
  const bySubject = new Map<string, EvidenceItem[]>();
  for (const e of items) {
    const k = keyOf(e.subject)!;
    const l = bySubject.get(k) ?? [];
    l.push(e);
    bySubject.set(k, l);
  }

  // Chains per (subject key, provision).
  const chainsBy = new Map<string, Map<string, Chain[]>>();
  const addChain = (subject: string, prov: string, c: Chain) => {
    const m = chainsBy.get(subject) ?? new Map<string, Chain[]>();
    const l = m.get(prov) ?? [];
    if (!l.some((x) => x.evidence.id === c.evidence.id && x.via?.id === c.via?.id)) l.push(c);
    m.set(prov, l);
    chainsBy.set(subject, m);
  };

  for (const p of provisions) {
    if (p.subject === 'port' || p.subject === 'flag_registry') continue;
    for (const leaf of leaves(p.condition)) {
      for (const e of items) {
        if (!leaf.evidence.includes(e.kind)) continue;
        if (leaf.attempt !== undefined && e.attempt !== leaf.attempt) continue;
        if (leaf.attempt === undefined && e.attempt && p.id !== '22-9214-a-15') continue;
        if (leaf.on_or_after && day(e.end) < leaf.on_or_after) continue;
        if (p.id === '22-9225-c-1-B' && daysBetween(e.end, asOf) > 365) continue;
        let ok = true;
        for (const t of leaf.counterparty?.all ?? []) if (!(await test(t, e.counterparty, e))) { ok = false; break; }
        if (ok && leaf.counterparty?.any?.length) {
          let one = false;
          for (const t of leaf.counterparty.any) if (await test(t, e.counterparty, e)) { one = true; break; }
          ok = one;
        }
        if (!ok) continue;
        const subjectKey = keyOf(e.subject)!;
        const subj = subjectOf.get(e.subject);
        const factor = leaf.strength_factor ?? 1;
        const base: Chain = { evidence: refOf(e), condition: describeLeaf(leaf), ...(leaf.note ? { note: leaf.note } : {}), strength: round3(e.confidence * factor) };
        // Person provisions: a vessel is listed only where the provision allows it (person_or_vessel).
        const isVessel = subj?.schema === 'Vessel';
        if (p.subject === 'vessel' ? isVessel : !isVessel || p.subject === 'person_or_vessel') addChain(subjectKey, p.id, base);
        if (leaf.attribute_to_owner && p.subject !== 'vessel') {
          for (const o of ownersOf.get(subjectKey) ?? []) {
            addChain(o.owner, p.id, { ...base, via: refOf(o.item), strength: round3(e.confidence * factor * o.item.confidence) });
          }
        }
      }
    }
  }

  // Subjects: everyone with evidence, plus owners reached through attribution.
  const keys = new Set([...bySubject.keys(), ...chainsBy.keys()]);
  const subjectByKey = new Map<string, Subject>();
  for (const s of subjectOf.values()) if (s && !subjectByKey.has(s.key)) subjectByKey.set(s.key, s);
  for (const s of subjectOf.values()) if (s) {
    const known = subjectByKey.get(s.key)!;
    for (const id of s.ids) if (!known.ids.includes(id)) known.ids.push(id);
    for (const b of s.basis) if (!known.basis.includes(b)) known.basis.push(b);
  }

  const entities: EntityResult[] = [];
  const gaps: Gap[] = [];
  const toCheck: Gap[] = [];
  const possibleCache = new Map<string, { record: string; caption: string }[]>();
  let indexP: Promise<ScreeningIndex | undefined> | undefined;
  const screeningIndex = (): Promise<ScreeningIndex | undefined> => {
    if (opts.screening === false) return Promise.resolve(undefined);
    if (opts.screening) return Promise.resolve(opts.screening);
    indexP ??= new ScreeningService().reload(db).catch(() => undefined);
    return indexP;
  };
  const possibleUs = async (s: Subject): Promise<{ record: string; caption: string }[]> => {
    let hit = possibleCache.get(s.key);
    if (!hit) {
      // The name without a parenthesised acronym ("FOREIGN TRADE BANK (FTB)"), long enough to be distinctive.
      const words = s.caption.replace(/\([^)]*\)/g, ' ').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
      const needle = words.replace(/ /g, '');
      hit = needle.length >= 8 && words.includes(' ') && !/^(imo|mmsi) \d+$/.test(words) && s.schema !== 'Vessel'
        ? (await ofacNamesContaining(db, needle)).filter((r) => r.entity_id !== s.entityId).map((r) => ({ record: r.record, caption: r.caption }))
        : [];
      // The screening model on the name (Korean-aware, abbreviations like SHPG, KOREA/KOREAN): OFAC entries only.
      const index = await screeningIndex();
      if (index && s.schema !== 'Vessel' && !/^(imo|mmsi)-/.test(s.key)) {
        const props: Record<string, string[]> = { name: [s.caption] };
        const out = matchQuery(index, (s.schema === 'Person' ? 'Person' : 'LegalEntity') as SchemaName, props, {
          threshold: POSSIBLE_LISTING_SCORE, limit: 3, filter: (e) => e.id !== s.entityId && e.datasets.some((d) => d.startsWith('us_ofac')),
        });
        for (const r of out.results.filter((x) => x.score >= POSSIBLE_LISTING_SCORE)) {
          const record = r.entity.referents.find((x) => x.startsWith('ofac-')) ?? r.entity.id;
          if (!hit.some((h) => h.record === record)) hit.push({ record, caption: `${r.entity.caption} (name score ${r.score.toFixed(2)})` });
        }
      }
      possibleCache.set(s.key, hit);
    }
    return hit;
  };
  const rows = new Map<string, ProvisionRow>(provisions.map((p) => [p.id, {
    id: p.id, citation: p.citation, short_title: p.short_title, mandatory: p.mandatory, action: p.action.kind, subject: p.subject,
    triggered: 0, designated: 0, gaps: 0, to_check: 0, findings: 0,
  }]));
  const byId = new Map(provisions.map((p) => [p.id, p]));

  for (const key of [...keys].sort()) {
    const subject = subjectByKey.get(key) ?? { key, kind: 'imported' as const, caption: key, schema: 'LegalEntity', basis: [], ids: [key] };
    const designation = await designationOf(subject);
    const triggers: Trigger[] = [];
    for (const [pid, chains] of chainsBy.get(key) ?? []) {
      const p = byId.get(pid)!;
      chains.sort((a, b) => b.strength - a.strength || (a.evidence.end < b.evidence.end ? 1 : -1));
      const strength = Math.max(...chains.map((c) => c.strength));
      const ends = chains.map((c) => day(c.evidence.end)).sort();
      triggers.push({
        provision: p.id, citation: p.citation, short_title: p.short_title, mandatory: p.mandatory, action: p.action, chains, strength,
        strength_label: strengthLabel(strength), first_evidence: ends[0], latest_evidence: ends[ends.length - 1], ...(p.prerequisite ? { prerequisite: p.prerequisite } : {}),
      });
      const row = rows.get(p.id)!;
      row.triggered++;
      if (GAP_ACTIONS.has(p.action.kind) && PERSON_SUBJECTS.has(p.subject)) {
        if (designation.us) row.designated++;
        else if (p.mandatory) {
          const possible = await possibleUs(subject);
          if (possible.length) row.to_check++;
          else row.gaps++;
          (possible.length ? toCheck : gaps).push({
            subject: key, caption: subject.caption, schema: subject.schema, provision: p.id, citation: p.citation, short_title: p.short_title,
            action: p.action.text, strength, strength_label: strengthLabel(strength), latest_evidence: ends[ends.length - 1],
            days_since_evidence: daysBetween(ends[ends.length - 1], asOf), other_listings: designation.listings, possible_us_listings: possible, chains,
            ...(p.prerequisite ? { prerequisite: p.prerequisite } : {}),
          });
        }
      } else row.findings++;
    }
    triggers.sort((a, b) => provisions.findIndex((p) => p.id === a.provision) - provisions.findIndex((p) => p.id === b.provision));
    const evidence = (bySubject.get(key) ?? []).map(refOf);
    entities.push({ subject, designation, triggers, evidence });
  }
  gaps.sort((a, b) => b.strength - a.strength || a.days_since_evidence - b.days_since_evidence || (a.subject < b.subject ? -1 : 1) || (a.provision < b.provision ? -1 : 1));
  const mandate = (t: Trigger) => GAP_ACTIONS.has(t.action.kind) && PERSON_SUBJECTS.has(byId.get(t.provision)!.subject);
  const triggering = entities.filter((e) => e.triggers.some(mandate));
  return {
    as_of: asOf, entities, gaps, to_check: toCheck, provisions: [...rows.values()],
    summary: {
      evidence_items: items.length, subjects_with_evidence: bySubject.size, subjects_triggering: triggering.length,
      subjects_with_findings_only: entities.filter((e) => e.triggers.length && !e.triggers.some(mandate)).length, gaps: gaps.length,
      subjects_with_gaps: new Set(gaps.map((g) => g.subject)).size, to_check: toCheck.length,
      designated_triggering: triggering.filter((e) => e.designation.us).length,
    },
  };
}
