import { join, relative } from 'node:path';
import { CNS_FILE, parseCns } from '../../sources/events/cns/index.js';
import { CSIS_FILE, parseCsis } from '../../sources/events/csis/index.js';
import { describedDay, missileCountInText } from '../../sources/events/csis/text.js';
import { NAGIX_DIR, NAGIX_FILES, parseNagix } from '../../sources/events/nagix/index.js';
import {
  rangeOf,
  type CatalogueTest,
  type CsisEvent,
  type DateRange,
  type EventSourceName,
  type Facility,
  type FieldValue,
  type IsoDay,
  type SourceCoverage,
} from '../../sources/events/types.js';
import { administrationOn } from './administrations.js';
import { CLASS_RANK, classifyCatalogue, classifyCsis, isCsisLaunch, strongerThan, type Classification, type EvidenceKind, type LaunchClass } from './classify.js';
import { addDays, catalogueKstDays, DAY_BASIS_PRECEDENCE, type DayBasis, type KstDay } from './kst.js';

/**
 * The provocation side of the timeline: source rows merged into launch events (one per KST launch day)
 * and nuclear tests. Rules: docs/timeline.md.
 */

/** A source row cited by an event, with the fields the merge read from it. */
export interface Evidence {
  source: EventSourceName;
  rowId: string;
  file: string;
  line: number;
  fields: Record<string, FieldValue>;
}

export interface LaunchEvidence extends Evidence {
  /** The KST day this row gives, and how it was obtained. */
  kstDay: IsoDay;
  dayBasis: DayBasis;
  /** The row's own classification. */
  class: LaunchClass;
  classRule: string;
}

export type EventOutcome = 'success' | 'failure' | 'mixed' | 'unknown';
/** 'month-only': a source knows only the month; 'placeholder': the day is a stand-in (1984). */
export type DateQuality = 'exact' | 'month-only' | 'placeholder';

export interface LaunchEvent {
  /** KST day of the launch(es). */
  date: IsoDay;
  year: number;
  dayBasis: DayBasis;
  dateQuality: DateQuality;
  /** Neighbouring days other sources gave for the same launch (merged by the one-day rule). */
  otherDays: IsoDay[];
  class: LaunchClass;
  /** The evidence that decided the class. */
  classDecision: { kind: EvidenceKind; rule: string; rowId: string; matched: string | null };
  /** All classes named by evidence of the deciding kind (a day can mix SRBMs and an SLV). */
  classes: LaunchClass[];
  /** Rows of weaker evidence that named a different class. */
  classConflicts: { rowId: string; class: LaunchClass; rule: string }[];
  missileTypes: string[];
  missileNames: string[];
  facilities: Facility[];
  outcome: EventOutcome;
  /** Missiles launched that day, where known; from the catalogue's per-missile rows, else CSIS text. */
  missileCount: number | null;
  missileCountFrom: 'cns' | 'nagix' | 'csis-text' | null;
  /** U.S. president in office on that KST day. */
  administration: string | null;
  sources: EventSourceName[];
  evidence: LaunchEvidence[];
}

export interface NuclearTest {
  date: IsoDay;
  year: number;
  /** 1-6 when the date is one of the six known tests. */
  ordinal: number | null;
  knownTest: boolean;
  label: string;
  description: string;
  administration: string | null;
  evidence: Evidence[];
}

/** Something found in the data while merging; reported, never silently fixed. */
export interface DataProblem {
  kind: 'merged-adjacent-days' | 'description-date' | 'catalogue-count-mismatch' | 'unknown-nuclear-test' | 'known-nuclear-test-missing';
  rowIds: string[];
  message: string;
}

export interface MergeInput {
  cns: CatalogueTest[];
  nagix: CatalogueTest[];
  csis: CsisEvent[];
}

/** The six DPRK nuclear tests (local dates). */
export const KNOWN_NUCLEAR_TESTS: readonly { ordinal: number; date: IsoDay }[] = [
  { ordinal: 1, date: '2006-10-09' },
  { ordinal: 2, date: '2009-05-25' },
  { ordinal: 3, date: '2013-02-12' },
  { ordinal: 4, date: '2016-01-06' },
  { ordinal: 5, date: '2016-09-09' },
  { ordinal: 6, date: '2017-09-03' },
];

/** Years whose catalogue days are stand-ins (CNS: the 1984 tests were spread over April-September). */
const PLACEHOLDER_YEARS: ReadonlySet<number> = new Set([1984]);
const NUCLEAR_TYPE = 'Nuclear Provocation';
const SOURCE_ORDER: readonly EventSourceName[] = ['cns', 'nagix', 'csis'];
const UNKNOWN = 'Unknown';

/** Sources in the same family restate the same records (nagix is a maintained copy of CNS). */
type Family = 'catalogue' | 'csis';

interface Observation {
  evidence: LaunchEvidence;
  cls: Classification;
  family: Family;
  catalogue?: CatalogueTest;
  csis?: CsisEvent;
}

interface DayGroup {
  day: IsoDay;
  obs: Observation[];
}

// ---- observations -------------------------------------------------------------------------------

function catalogueFields(t: CatalogueTest): Record<string, FieldValue> {
  const f: Record<string, FieldValue> = { date: t.date, timeUtc: t.timeUtc, missileName: t.missileName, missileType: t.missileType, outcome: t.outcome };
  if (t.facility) Object.assign(f, { facility: t.facility.name, lat: t.facility.lat, lon: t.facility.lon });
  if (t.datePrecision === 'month') f.datePrecision = 'month';
  return f;
}

function observeCatalogue(t: CatalogueTest, { day, basis }: KstDay): Observation {
  const cls = classifyCatalogue(t);
  return {
    evidence: { source: t.source, rowId: t.rowId, file: t.file, line: t.line, fields: catalogueFields(t), kstDay: day, dayBasis: basis, class: cls.class, classRule: cls.rule },
    cls,
    family: 'catalogue',
    catalogue: t,
  };
}

function observeCsis(e: CsisEvent, problems: DataProblem[]): Observation {
  const described = describedDay(e.description, e.date);
  if (described) {
    problems.push({ kind: 'description-date', rowIds: [e.rowId], message: `CSIS date column says ${e.date} but the description says "${described.phrase}": ${described.day} used` });
  }
  const cls = classifyCsis(e);
  const count = missileCountInText(e.description);
  const fields: Record<string, FieldValue> = { date: e.date, type: e.type, event: e.label, description: e.description };
  if (count) fields.countPhrase = count.phrase;
  if (described) fields.describedDay = described.day;
  return {
    evidence: {
      source: 'csis', rowId: e.rowId, file: e.file, line: e.line, fields,
      kstDay: described?.day ?? e.date, dayBasis: described ? 'description-date' : 'local-date', class: cls.class, classRule: cls.rule,
    },
    cls,
    family: 'csis',
    csis: e,
  };
}

// ---- grouping and the one-day rule ----------------------------------------------------------------

function groupByDay(obs: Observation[]): DayGroup[] {
  const byDay = new Map<IsoDay, Observation[]>();
  for (const o of obs) {
    const list = byDay.get(o.evidence.kstDay);
    if (list) list.push(o);
    else byDay.set(o.evidence.kstDay, [o]);
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, list]) => ({ day, obs: list }));
}

function decideClass(obs: Observation[]): Observation {
  return obs.reduce((best, o) => (strongerThan(o.cls, best.cls) ? o : best));
}

function families(g: DayGroup): Set<Family> {
  return new Set(g.obs.map((o) => o.family));
}

/**
 * Two groups on consecutive days are one launch when no source family reports both days (each family saw
 * only one of them) and their classes agree (or one is only 'unknown').
 */
function sameLaunch(a: DayGroup, b: DayGroup): boolean {
  if (addDays(a.day, 1) !== b.day) return false;
  const fa = families(a);
  if ([...families(b)].some((f) => fa.has(f))) return false;
  const ca = decideClass(a.obs).cls;
  const cb = decideClass(b.obs).cls;
  return ca.class === cb.class || ca.kind === 'default' || cb.kind === 'default';
}

function mergeAdjacent(groups: DayGroup[], problems: DataProblem[]): DayGroup[] {
  const out: DayGroup[] = [];
  for (let i = 0; i < groups.length; i++) {
    const a = groups[i];
    const b = groups[i + 1];
    if (b && sameLaunch(a, b)) {
      problems.push({
        kind: 'merged-adjacent-days',
        rowIds: [...a.obs, ...b.obs].map((o) => o.evidence.rowId),
        message: `sources put one launch on ${a.day} and ${b.day}; merged`,
      });
      out.push({ day: a.day, obs: [...a.obs, ...b.obs] });
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

// ---- events ------------------------------------------------------------------------------------

function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function outcomeOf(tests: CatalogueTest[]): EventOutcome {
  const outcomes = distinct(tests.map((t) => t.outcome));
  return outcomes.length === 0 ? 'unknown' : outcomes.length === 1 ? outcomes[0] : 'mixed';
}

function facilitiesOf(tests: CatalogueTest[]): Facility[] {
  const byName = new Map<string, Facility>();
  for (const t of tests) if (t.facility && !byName.has(t.facility.name)) byName.set(t.facility.name, t.facility);
  return [...byName.values()];
}

function bestDay(obs: Observation[]): { day: IsoDay; basis: DayBasis } {
  const best = obs.reduce((b, o) => (DAY_BASIS_PRECEDENCE.indexOf(o.evidence.dayBasis) < DAY_BASIS_PRECEDENCE.indexOf(b.evidence.dayBasis) ? o : b));
  return { day: best.evidence.kstDay, basis: best.evidence.dayBasis };
}

function dateQualityOf(day: IsoDay, tests: CatalogueTest[]): DateQuality {
  if (PLACEHOLDER_YEARS.has(Number(day.slice(0, 4)))) return 'placeholder';
  return tests.some((t) => t.datePrecision === 'month') ? 'month-only' : 'exact';
}

function countOf(primary: CatalogueTest[], csis: Observation[]): Pick<LaunchEvent, 'missileCount' | 'missileCountFrom'> {
  if (primary.length) return { missileCount: primary.length, missileCountFrom: primary[0].source as 'cns' | 'nagix' };
  const counts = csis.map((o) => missileCountInText(o.csis?.description ?? '')?.count ?? 0);
  const max = Math.max(0, ...counts);
  return max > 0 ? { missileCount: max, missileCountFrom: 'csis-text' } : { missileCount: null, missileCountFrom: null };
}

function buildEvent(group: DayGroup, problems: DataProblem[]): LaunchEvent {
  const obs = [...group.obs].sort((a, b) => SOURCE_ORDER.indexOf(a.evidence.source) - SOURCE_ORDER.indexOf(b.evidence.source));
  const { day, basis } = bestDay(obs);
  const cns = obs.flatMap((o) => (o.catalogue?.source === 'cns' ? [o.catalogue] : []));
  const nagix = obs.flatMap((o) => (o.catalogue?.source === 'nagix' ? [o.catalogue] : []));
  // CNS is the authoritative catalogue where it reaches; nagix extends it.
  const primary = cns.length ? cns : nagix;
  if (cns.length && nagix.length && cns.length !== nagix.length) {
    problems.push({ kind: 'catalogue-count-mismatch', rowIds: [...cns, ...nagix].map((t) => t.rowId), message: `${day}: CNS has ${cns.length} missile rows, nagix ${nagix.length}` });
  }
  const decider = decideClass(obs);
  const decidingKind = decider.cls.kind;
  const classes = distinct(obs.filter((o) => o.cls.kind === decidingKind).map((o) => o.cls.class)).sort((a, b) => CLASS_RANK.indexOf(a) - CLASS_RANK.indexOf(b));
  const catalogue = [...cns, ...nagix];
  return {
    date: day,
    year: Number(day.slice(0, 4)),
    dayBasis: basis,
    dateQuality: dateQualityOf(day, catalogue),
    otherDays: distinct(obs.map((o) => o.evidence.kstDay)).filter((d) => d !== day).sort(),
    class: decider.cls.class,
    classDecision: { kind: decidingKind, rule: decider.cls.rule, rowId: decider.evidence.rowId, matched: decider.cls.matched },
    classes,
    classConflicts: obs
      .filter((o) => o.cls.kind !== decidingKind && o.cls.kind !== 'default' && !classes.includes(o.cls.class))
      .map((o) => ({ rowId: o.evidence.rowId, class: o.cls.class, rule: o.cls.rule })),
    missileTypes: distinct(catalogue.map((t) => t.missileType).filter((t) => t !== UNKNOWN)),
    missileNames: distinct(primary.map((t) => t.missileName).filter((n) => n !== UNKNOWN && n !== '')),
    facilities: facilitiesOf(primary),
    outcome: outcomeOf(primary),
    ...countOf(primary, obs.filter((o) => o.family === 'csis')),
    administration: administrationOn(day, 'KST')?.president ?? null,
    sources: distinct(obs.map((o) => o.evidence.source)),
    evidence: obs.map((o) => o.evidence),
  };
}

/** Merges catalogue and CSIS rows into launch events, one per KST launch day, oldest first. Pure. */
export function mergeLaunches(input: MergeInput): { launches: LaunchEvent[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const obs = [
    ...[input.cns, input.nagix].flatMap((tests) => {
      const days = catalogueKstDays(tests);
      return tests.map((t, i) => observeCatalogue(t, days[i]));
    }),
    ...input.csis.filter(isCsisLaunch).map((e) => observeCsis(e, problems)),
  ];
  const groups = mergeAdjacent(groupByDay(obs), problems);
  return { launches: groups.map((g) => buildEvent(g, problems)), problems };
}

// ---- nuclear tests -------------------------------------------------------------------------------

/** CSIS 'Nuclear Provocation' rows as nuclear tests, checked against the six known tests. Pure. */
export function nuclearTestsFrom(csis: CsisEvent[]): { nuclearTests: NuclearTest[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const rows = csis.filter((e) => e.type === NUCLEAR_TYPE).sort((a, b) => (a.date < b.date ? -1 : 1));
  const nuclearTests = rows.map((e): NuclearTest => {
    const known = KNOWN_NUCLEAR_TESTS.find((k) => k.date === e.date);
    if (!known) problems.push({ kind: 'unknown-nuclear-test', rowIds: [e.rowId], message: `CSIS nuclear row on ${e.date} is not one of the six known tests` });
    return {
      date: e.date,
      year: Number(e.date.slice(0, 4)),
      ordinal: known?.ordinal ?? null,
      knownTest: known !== undefined,
      label: e.label,
      description: e.description,
      administration: administrationOn(e.date, 'KST')?.president ?? null,
      evidence: [{ source: 'csis', rowId: e.rowId, file: e.file, line: e.line, fields: { date: e.date, type: e.type, event: e.label, description: e.description } }],
    };
  });
  for (const k of KNOWN_NUCLEAR_TESTS) {
    if (!rows.some((e) => e.date === k.date)) problems.push({ kind: 'known-nuclear-test-missing', rowIds: [], message: `nuclear test ${k.ordinal} (${k.date}) has no CSIS row` });
  }
  return { nuclearTests, problems };
}

// ---- loading -------------------------------------------------------------------------------------

export interface Provocations {
  launches: LaunchEvent[];
  nuclearTests: NuclearTest[];
  rows: { nagix: number; cns: number; csis: number; csisLaunchRows: number; csisNuclearRows: number };
  /** What each source covers: outside these ranges a source's silence is not evidence of no launch. */
  coverage: SourceCoverage[];
  problems: DataProblem[];
}

/** Sources whose rows span `day`. An empty list means the day is outside the data range. */
export function sourcesCovering(coverage: SourceCoverage[], day: IsoDay): EventSourceName[] {
  return coverage.filter((c) => c.range !== null && c.range.first <= day && day <= c.range.last).map((c) => c.source);
}

function coverageOf(source: EventSourceName, files: string[], dates: IsoDay[]): SourceCoverage {
  const range: DateRange | null = rangeOf(dates);
  return { source, files, rows: dates.length, range };
}

/** Reads the three event sources under `dataDir` (the shared data folder) and merges them. */
/** Evidence names files relative to the data folder (never a path of the machine that served it). */
export function relativeFiles<T extends { file: string }>(rows: T[], dataDir: string): T[] {
  for (const r of rows) r.file = relative(dataDir, r.file);
  return rows;
}

export async function loadProvocations(dataDir: string): Promise<Provocations> {
  const nagixDir = join(dataDir, NAGIX_DIR);
  const cnsFile = join(dataDir, CNS_FILE);
  const csisFile = join(dataDir, CSIS_FILE);
  const [nagixRows, cnsRows, csisRows] = await Promise.all([parseNagix(nagixDir), parseCns(cnsFile), parseCsis(csisFile)]);
  const nagix = relativeFiles(nagixRows, dataDir), cns = relativeFiles(cnsRows, dataDir), csis = relativeFiles(csisRows, dataDir);
  const merged = mergeLaunches({ cns, nagix, csis });
  const nuclear = nuclearTestsFrom(csis);
  return {
    launches: merged.launches,
    nuclearTests: nuclear.nuclearTests,
    rows: {
      nagix: nagix.length,
      cns: cns.length,
      csis: csis.length,
      csisLaunchRows: csis.filter(isCsisLaunch).length,
      csisNuclearRows: csis.filter((e) => e.type === NUCLEAR_TYPE).length,
    },
    coverage: [
      coverageOf('cns', [CNS_FILE], cns.map((t) => t.date)),
      coverageOf('nagix', Object.values(NAGIX_FILES).map((f) => join(NAGIX_DIR, f)), nagix.map((t) => t.date)),
      coverageOf('csis', [CSIS_FILE], csis.map((e) => e.date)),
    ],
    problems: [...merged.problems, ...nuclear.problems],
  };
}
