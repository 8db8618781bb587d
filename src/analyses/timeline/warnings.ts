import type { DateRange, SourceCoverage } from '../../sources/events/types.js';
import type { Counts } from './counts.js';
import type { InitialState } from './designation-actions.js';
import type { ListCoverage } from './list-coverage.js';
import type { Window } from './periods.js';

/** What the reader must know about the window before trusting a zero. Pure. */

export interface WarningInput {
  window: Window;
  range: DateRange;
  eventsCoverage: readonly SourceCoverage[];
  eventsRange: DateRange | null;
  lists: readonly ListCoverage[];
  initialState: readonly InitialState[];
  counts: Counts;
}

function span(r: DateRange | null): string {
  return r ? `${r.first} to ${r.last}` : 'nothing';
}

export function windowWarnings(x: WarningInput): string[] {
  const out: string[] = [];
  const w = span(x.range);
  if (x.counts.events_coverage === 'none') {
    out.push(`no launch or nuclear-test data covers ${w} (event data spans ${span(x.eventsRange)}): launch counts are unknown, not zero`);
  } else if (x.counts.events_coverage === 'partial') {
    out.push(`launch data covers only ${span(x.eventsRange)}; ${w} reaches outside it, where launch counts are unknown`);
  }
  for (const c of x.eventsCoverage) {
    if (c.range && c.range.last >= x.range.first && c.range.last < x.range.last) out.push(`event source ${c.source} ends ${c.range.last}: later launches rest on the other sources`);
  }
  const ranged = x.lists.filter((l) => l.range);
  if (!x.lists.length) {
    out.push('no sanctions lists in the store (run `chokepoint update`): designation counts are unknown, not zero');
  } else if (x.counts.designation_coverage === 'none') {
    out.push(`no designation data covers ${w} (${ranged.map((l) => `${l.list} ${span(l.range)}`).join('; ') || 'no list has dated actions'}): designation counts are unknown, not zero`);
  } else {
    const overlaps = (l: ListCoverage) => l.range!.first <= x.range.last && l.range!.last >= x.range.first;
    const partial = ranged.filter((l) => overlaps(l) && (l.range!.first > x.range.first || l.range!.last < x.range.last));
    const outside = ranged.filter((l) => !overlaps(l));
    if (partial.length) {
      out.push(`designation data does not span all of ${w}: ${partial.map((l) => `${l.list} covers ${span(l.range)}`).join('; ')}; counts and lags use the lists covering each day`);
    }
    if (outside.length) out.push(`no data in the window for ${outside.map((l) => `${l.list} (covers ${span(l.range)})`).join(', ')}: its counts are null`);
  }
  for (const s of x.initialState) {
    if (s.on_or_before >= x.range.first && s.on_or_before <= x.range.last) {
      out.push(`${s.entities.length} DPRK-related ${s.list} entries present in its first held version ${s.version} were designated on or before ${s.on_or_before}: listed under initial_state, not counted as actions`);
    }
  }
  return out;
}
