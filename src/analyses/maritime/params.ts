/**
 * Every threshold the maritime detectors use, as data: a value, a unit, and where it comes from. Sources:
 *  - Miller et al. 2018, "Identifying Global Patterns of Transshipment Behavior", Front. Mar. Sci. 5:240 (GFW
 *    encounters: within 500 m for ≥ 2 h at < 2 kn median speed, ≥ 10 km from a coastal anchorage) — the same
 *    definition is in the staged encounter data (../shared/data/ais/gfw-transshipment-miller2018/).
 *  - GFW technical documentation (Encounters, Loitering, Gaps, port visits) and the GFW segmenter gpsdio-segment.
 *  - Welch et al. 2022, "Hot spots of unseen fishing vessels", Sci. Adv. 8:eabq2109 (AIS disabling: gaps ≥ 12 h,
 *    ≥ 14 positions in the 12 h before), as summarised in GFW's "Gaps" documentation.
 *  - The U.S. advisories of 2019-03-21 and 2020-05-14 (deceptive shipping practices: STS transfers, disabling AIS,
 *    altering identity, false flags) — ../shared/data/advisories/us-maritime-sanctions-advisories-compiled.csv.
 *  - "project": a choice made here, with the reason in `note`; the benchmark (bench/maritime.bench.ts) measures it.
 * Region overrides (regions.ts) replace some of these inside named areas. Events carry the values they used.
 */

export interface ParamSpec {
  value: number;
  unit: string;
  source: string;
  note?: string;
}

const MILLER = 'Miller et al. 2018 (GFW encounters), Front. Mar. Sci. 5:240';
const SEGMENTER = 'GFW segmenter gpsdio-segment defaults (DEFAULT_MAX_SPEED 40 kn, DEFAULT_MAX_HOURS 24, DEFAULT_NOISE_DIST 500 m)';
const LOITER = 'GFW/Pew transshipment reports: loitering = carrier at < 2 kn for ≥ 4 h, ≥ 20 nm from shore (GFW technical documentation, Loitering)';
const PORT_VISITS = 'GFW port visits: within 3 km of an anchorage, stopped < 0.2 kn, exit beyond 4 km, visits ≥ 3 h (GFW carrier portal FAQ)';
const WELCH = 'Welch et al. 2022, Sci. Adv. 8:eabq2109 (AIS disabling events), via GFW technical documentation "Gaps"';
const ADVISORY_2020 = 'U.S. advisory 2020-05-14 "Guidance to Address Illicit Shipping and Sanctions Evasion Practices"';
const ADVISORY_2019 = 'U.S. advisory 2019-03-21 "Updated Guidance on Addressing North Korea\'s Illicit Shipping Practices"';
const PROJECT = 'project';

export const PARAMETERS = {
  // Ingest and ordering (tracks.ts).
  'ingest.bucketMinutes': { value: 60, unit: 'min', source: PROJECT, note: 'positions are sorted and processed one hour at a time' },
  'ingest.maxLatenessMinutes': { value: 60, unit: 'min', source: PROJECT,
    note: 'streaming mode: a position older than the processed time by more than this is counted (late) and skipped' },
  'ingest.inMemoryMaxMiB': { value: 256, unit: 'MiB', source: PROJECT,
    note: 'inputs up to this size are read whole and sorted (any order accepted); larger ones stream with the lateness bound' },
  'ingest.maxClockJumpHours': { value: 24, unit: 'h', source: PROJECT, note: 'a time this far ahead of the stream is an outlier…' },
  'ingest.clockJumpConfirmPositions': { value: 200, unit: 'positions', source: PROJECT, note: '…unless this many in a row agree' },
  'ingest.minYear': { value: 2000, unit: 'year', source: PROJECT, note: 'times before this are bad input (AIS era)' },
  'ingest.maxYear': { value: 2100, unit: 'year', source: PROJECT, note: 'times after this are bad input' },

  // Segmentation (segments.ts).
  'segment.maxSpeedKn': { value: 40, unit: 'kn', source: SEGMENTER, note: 'implied speed above this starts another segment' },
  'segment.maxGapHours': { value: 24, unit: 'h', source: SEGMENTER, note: 'a silence longer than this splits the segment' },
  'segment.noiseDistanceKm': { value: 0.5, unit: 'km', source: SEGMENTER, note: 'jumps this short are GPS noise, whatever the time' },
  'segment.recentMinutes': { value: 60, unit: 'min', source: PROJECT,
    note: 'segments heard this close to the latest compete on implied speed; older ones only if none of these fits' },
  'segment.flagSpeedKn': { value: 20, unit: 'kn', source: 'GFW fleet150 research (implausible_speed_research_messages_150_412.csv: implied speeds from 20 kn)',
    note: 'a fix reached faster than this is flagged (not split)…' },
  'segment.flagSpeedFactor': { value: 2, unit: 'ratio', source: PROJECT, note: '…when also faster than this multiple of the reported speed (fast ships are not flagged)' },
  'segment.maxOpenSegments': { value: 4, unit: 'segments', source: PROJECT, note: 'per MMSI; the least recent is closed beyond this' },

  // Identity (identity.ts, identity-change.ts).
  'identity.confirmMessages': { value: 2, unit: 'messages', source: PROJECT,
    note: 'a new name/call sign/IMO counts after this many messages… (GFW fleet150 data: garbled names last 1-2 messages within a minute)' },
  'identity.confirmMinutes': { value: 10, unit: 'min', source: PROJECT, note: '…spread over at least this long…' },
  'identity.thirdValueMinutes': { value: 60, unit: 'min', source: PROJECT,
    note: '…or when another new value follows it this long after (sparse data, e.g. one message a day)' },
  'identity.variantMaxEdits': { value: 2, unit: 'edits', source: PROJECT,
    note: 'a name within this many letter edits of the confirmed one, same digits, is a garble or spelling variant (+1 for names of 12+ characters; -1 disables)' },
  'identity.mergeMinutes': { value: 60, unit: 'min', source: PROJECT, note: 'field changes this close together are one event' },
  'identity.concurrentImoMinutes': { value: 60, unit: 'min', source: PROJECT,
    note: 'an IMO number on a new MMSI while the old one broadcast it this recently is concurrent use (two hulls, one identity)' },
  'identity.maxValuesPerMmsi': { value: 64, unit: 'values', source: PROJECT, note: 'timeline entries kept per MMSI and field (memory bound)' },

  // Encounters (encounter.ts).
  'encounter.maxDistanceKm': { value: 0.5, unit: 'km', source: MILLER },
  'encounter.minDurationHours': { value: 2, unit: 'h', source: MILLER },
  'encounter.maxMedianSpeedKn': { value: 2, unit: 'kn', source: MILLER },
  'encounter.minDistanceFromPortKm': { value: 10, unit: 'km', source: MILLER, note: '"at least 10 km from a coastal anchorage"; off in DPRK waters' },
  'encounter.binMinutes': { value: 10, unit: 'min', source: 'GFW pipe-encounters resamples tracks to 10-minute intervals before pairing' },
  'encounter.maxPointSpeedKn': { value: 5, unit: 'kn', source: PROJECT, note: 'prefilter: faster 10-minute points cannot be in a < 2 kn median encounter' },
  'encounter.maxMissMinutes': { value: 120, unit: 'min', source: PROJECT,
    note: 'a pair apart (or unheard) this long ends the encounter; shorter reception outages do not split one transfer in two' },
  'encounter.crowdRadiusKm': { value: 2, unit: 'km', source: PROJECT, note: 'slow vessels this close to the pair are counted…' },
  'encounter.crowdMaxOthers': { value: 1, unit: 'vessels', source: PROJECT, note: '…more than this many…' },
  'encounter.crowdMinShare': { value: 0.25, unit: 'ratio', source: PROJECT,
    note: '…in at least this share of the 10-minute steps is an anchorage crowd, not an STS (pairs left behind when a crowd thins out included)' },
  'encounter.oneSidedMaxDistanceKm': { value: 30, unit: 'km', source: PROJECT,
    note: 'one-sided case: the dark vessel went dark and reappeared this close to the loitering vessel' },
  'encounter.oneSidedMaxUnexplainedHours': { value: 3, unit: 'h', source: PROJECT,
    note: 'dark time beyond the loitering and the sailing to and from it (at port.inferAssumedSpeedKn) allowed for a one-sided encounter' },
  'encounter.oneSidedMinOverlapHours': { value: 2, unit: 'h', source: MILLER, note: 'the dark period covers the loitering this long (= minimum encounter)' },

  // Loitering (loitering.ts).
  'loitering.maxSpeedKn': { value: 2, unit: 'kn', source: LOITER },
  'loitering.minDurationHours': { value: 4, unit: 'h', source: LOITER },
  'loitering.minDistanceFromPortKm': { value: 37.04, unit: 'km', source: LOITER,
    note: '20 nm; measured from the nearest known port or anchorage (no coastline data here)' },
  'loitering.maxBlipMinutes': { value: 30, unit: 'min', source: PROJECT, note: 'faster fixes for at most this long do not end a loitering run' },
  'loitering.maxSilenceHours': { value: 2, unit: 'h', source: PROJECT, note: 'a silence this long ends the run (the rest may be a gap)' },

  // Gaps (gap.ts, coverage.ts).
  'gap.minHours': { value: 6, unit: 'h', source: 'GFW proto_ais_gap_events (gaps of 6+ h); GFW publishes 12+ h', note: 'brief default 6 h' },
  'gap.underwayMinSpeedKn': { value: 1, unit: 'kn', source: PROJECT, note: 'under way: last reported or implied speed at least this' },
  'gap.minDistanceFromPortKm': { value: 10, unit: 'km', source: PROJECT, note: 'silences starting in port are routine; off in DPRK waters' },
  'gap.minPositionsBefore': { value: 14, unit: 'positions', source: WELCH, note: 'the transponder was being heard regularly before…' },
  'gap.positionsBeforeHours': { value: 12, unit: 'h', source: WELCH, note: '…within this many hours before the gap' },
  'gap.confirmFixes': { value: 2, unit: 'positions', source: PROJECT,
    note: 'the track must go on after the silence with this many more fixes…' },
  'gap.confirmMinutes': { value: 60, unit: 'min', source: PROJECT, note: '…within this long (a lone spoofed fix is not a reappearance)' },
  'gap.coverageCellDeg': { value: 0.2, unit: 'deg', source: PROJECT, note: 'reception grid; the 3x3 cells around a point are "nearby" (~30 km)' },
  'gap.coverageSlackHours': { value: 1, unit: 'h', source: PROJECT,
    note: 'an hour counts as covered if others were heard nearby within this many hours of it (satellite passes are 1-3 h apart)' },
  'gap.coverageBaselineHours': { value: 24, unit: 'h', source: PROJECT,
    note: 'hours whose surroundings had no traffic heard at all in this long before the silence are not evidence either way (empty sea)' },
  'gap.minCoverageRatio': { value: 0.55, unit: 'ratio', source: PROJECT,
    note: 'likely deliberate when other vessels were heard near the silent track in more than half of its hours (simulator: holes ≤ 0.5, switched-off transponders ≥ 0.6)' },
  'gap.coverageRetentionHours': { value: 168, unit: 'h', source: PROJECT, note: 'reception history kept (memory bound)' },
  'gap.reportCoverageGaps': { value: 0, unit: 'bool', source: PROJECT, note: '1: also report gaps judged coverage holes (confidence ≤ 0.3)' },

  // Port calls (port-call.ts).
  'port.entryRadiusKm': { value: 5, unit: 'km', source: PORT_VISITS, note: 'GFW 3 km around anchorage points, +2 km for the ~1 km precision of World Port Index port points' },
  'port.exitRadiusKm': { value: 6, unit: 'km', source: PORT_VISITS, note: 'GFW 4 km exit, +2 km as above' },
  'port.stopSpeedKn': { value: 0.5, unit: 'kn', source: PORT_VISITS, note: 'GFW 0.2 kn; 0.5 kn tolerates swinging at anchor' },
  'port.minStopMinutes': { value: 30, unit: 'min', source: PROJECT, note: 'stopped at least this long inside the port area' },
  'port.minVisitHours': { value: 3, unit: 'h', source: PORT_VISITS },
  'port.inferApproachKm': { value: 60, unit: 'km', source: PROJECT, note: 'inferred calls: dark within this distance of a DPRK port on approach and on departure' },
  'port.inferMaxBearingDeg': { value: 60, unit: 'deg', source: PROJECT, note: 'course toward the port before the silence / away from it after' },
  'port.inferMinGapHours': { value: 6, unit: 'h', source: PROJECT, note: '= gap.minHours' },
  'port.inferMinStopHours': { value: 2, unit: 'h', source: PROJECT, note: 'the silence leaves at least this long in port at the assumed speed' },
  'port.inferAssumedSpeedKn': { value: 12, unit: 'kn', source: PROJECT, note: 'typical speed of the tankers and bulk carriers named in the advisories (8-14 kn)' },

  // Shared MMSI (shared-mmsi.ts).
  'shared.minPointsPerTrack': { value: 10, unit: 'positions', source: PROJECT, note: 'both tracks this long (a lone spoofed fix is not a second vessel)' },
  'shared.minAlternations': { value: 4, unit: 'switches', source: PROJECT, note: 'the MMSI switches between the two tracks this often' },
  'shared.concurrentHours': { value: 2, unit: 'h', source: PROJECT, note: 'alternations count when both tracks were heard within this time' },
  'shared.idleCloseHours': { value: 12, unit: 'h', source: PROJECT,
    note: 'no switch for this long ends the event; name changes this close to a shared episode are the two vessels\' names, not reported' },
  'shared.minIdentityAlternations': { value: 4, unit: 'switches', source: PROJECT, note: 'two confirmed names alternating this often on one MMSI' },

  // Linkage and risk (linkage.ts, risk.ts).
  'linkage.lookbackDays': { value: 180, unit: 'days', source: 'Executive Order 13810 § 2 (2017-09-20): a DPRK port call, or an STS transfer with such a vessel, within the previous 180 days; the brief cites 46 U.S.C. 70022',
    note: 'the staged 46 U.S.C. 70022 (law/usc-title46-sec70022) has no port-call look-back: its only 180-day language is (b)(2), on registration after a list is published; quoted in statute.ts' },
  'linkage.nameMinScore': { value: 0.9, unit: 'score', source: PROJECT, note: 'name matches from the screening callback at or above this' },
  'risk.weight.port_call': { value: 0.9, unit: 'weight', source: ADVISORY_2019, note: 'calls at DPRK ports' },
  'risk.weight.encounter': { value: 0.6, unit: 'weight', source: ADVISORY_2020, note: 'ship-to-ship transfers' },
  'risk.weight.gap': { value: 0.5, unit: 'weight', source: ADVISORY_2020, note: 'disabling or manipulating AIS' },
  'risk.weight.loitering': { value: 0.3, unit: 'weight', source: ADVISORY_2020, note: 'possible STS with a dark vessel' },
  'risk.weight.identity_change': { value: 0.4, unit: 'weight', source: ADVISORY_2020, note: 'physically altering identification, false flags and flag hopping' },
  'risk.weight.shared_mmsi': { value: 0.5, unit: 'weight', source: ADVISORY_2020, note: 'AIS manipulation (spoofing)' },
  'risk.weight.invalid_mmsi': { value: 0.3, unit: 'weight', source: 'ITU-R M.585 (MMSI structure)' },
  'risk.weight.dprk_flag': { value: 0.9, unit: 'weight', source: 'ITU MID table: 445 = DPRK', note: 'DPRK-flagged' },
  'risk.weight.designated': { value: 1, unit: 'weight', source: PROJECT, note: 'matched to a designated vessel' },
  'risk.weight.lookback': { value: 0.9, unit: 'weight', source: 'Executive Order 13810 § 2 (180-day port-call/STS rule; the brief cites 46 U.S.C. 70022, see statute.ts)' },
} as const satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAMETERS;
/** Parameter values by name (the working set a run uses). */
export type Params = { [K in ParamName]: number };

/** The defaults as a fresh mutable object. */
export function defaultParams(): Params {
  return Object.fromEntries(Object.entries(PARAMETERS).map(([k, v]) => [k, v.value])) as Params;
}

/** Defaults (or `base`) with overrides applied; unknown names throw (a typo must not pass silently). */
export function withOverrides(overrides: Partial<Record<string, number>>, base: Params = defaultParams()): Params {
  const out = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in PARAMETERS)) throw new Error(`unknown maritime parameter: ${k}`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`maritime parameter ${k} must be a finite number`);
    (out as Record<string, number>)[k] = v;
  }
  return out;
}

/** The parameters whose names start with `prefix.` (what an event reports as its `params`). */
export function paramsWithPrefix(p: Params, ...prefixes: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(p)) if (prefixes.some((x) => k.startsWith(`${x}.`))) out[k] = p[k as ParamName];
  return out;
}
