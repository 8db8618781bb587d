/** The API's wire shapes the pages read (see /openapi.json). */

export interface Explanation { score: number; contribution: number; detail: string; query?: string[]; candidate?: string[] }
export interface EntityResponse {
  id: string; caption: string; schema: string; properties: Record<string, string[]>; datasets: string[]; referents: string[];
  target: boolean; first_seen: string | null; last_seen: string | null;
}
export interface Scored extends EntityResponse { score: number; match: boolean; explanations: Record<string, Explanation> }
export interface MatchResponse {
  responses: Record<string, { status: number; message?: string; warnings?: string[]; results: Scored[]; total: { value: number }; query: unknown }>;
  versions: string[]; matcher: Record<string, { description: string; coefficient: number }>;
}
export interface Statement { prop: string; value: string; record: string; dataset: string; version: string }
export interface EntityDetail extends EntityResponse {
  sanctions: { authority: string; programs: string[]; listingDate?: string; reason?: string; provisions?: string[]; record: string; dataset: string; version: string }[];
  listed: { record: string; dataset: string; precision: 'exact' | 'between' | 'on_or_before'; date: string; after?: string; basis: string }[];
  dprk: { kind: string; detail: string; record: string; strong: boolean }[];
  merge: { a: string; b: string; rule: string; detail: string }[];
  statements: Statement[];
  links: { type: string; record: string; targetName?: string; target?: string; note?: string }[];
}
export interface ListVersion {
  id: number; source: string; dataset: string; version: string; published: string; stated_date: string | null; origin: string;
  files: { name: string; bytes: number; sha256: string }[]; content_hash: string; counts: Record<string, number>; warnings: string[];
  status: string; imported_at: string; served: boolean;
}
export interface ListsResponse { versions: ListVersion[]; entities: { total: number; dprk: number } }
export interface RecordRef { id: string; schema: string; caption: string }
export interface VersionDelta {
  from: { source: string; version: string; published: string }; to: { source: string; version: string; published: string };
  added: RecordRef[]; removed: RecordRef[]; changed: (RecordRef & { changes: { prop: string; removed: string[]; added: string[] }[] })[]; unchanged: number;
  counts: { added: number; removed: number; changed: number };
}
export interface Catalog { datasets: { name: string; title: string; type: string; entity_count: number; version: string | null }[] }
export interface Suppression { n: number; query: string; entity: string; reason: string; reviewer?: string; date?: string }
export interface BatchJob {
  id: string; file: string; state: 'running' | 'done' | 'failed'; message?: string; format: string; mapping: string; unit: string; total: number;
  position: number; progress: number; rows: number; screened: number; matches: number; errors: number; suppressed: number; versions: string[];
  seconds?: number; result?: string;
}

export interface Evidence { source?: string; rowId?: string; file?: string; line?: number; fields?: Record<string, unknown>; [k: string]: unknown }
export interface Lag { status: string; lists: string[]; lag_days: number | null; censored_after_days: number | null; next_action: { date: string; list: string } | null }
export interface Launch {
  date: string; class: string; missiles: number | null; missile_types?: string[]; outcome?: string; administration?: string; sources: string[];
  response?: { any_list: Lag }; evidence: Evidence[];
}
export interface NuclearTest { date: string; ordinal: number | null; administration?: string; response?: { any_list: Lag }; evidence: Evidence[] }
export interface Designation {
  date: string; date_precision: string; after?: string; list: string; entities: string[]; programs: string[];
  records?: Record<string, { caption: string; schema: string; programs: string[]; entity: string; basis: string }>; evidence: Evidence[];
}
export interface Period {
  period: string; first: string; last: string; launch_days: number | null; ballistic_launch_days: number | null; nuclear_tests: number | null;
  designation_actions: number | null; designated_entities: number | null; median_response_lag_days: number | null; missiles: number | null;
}
export interface Administration extends Period { president: string; party: string; start: string; end: string }
export interface TimelineReport {
  from: string | null; to: string | null; range: { first: string; last: string }; warnings: string[];
  launches: Launch[]; nuclear_tests: NuclearTest[]; designations: Designation[];
  periods: { month: Period[]; year: Period[] }; administrations: Administration[];
  summary: { launch_days: number | null; ballistic_launch_days: number | null; nuclear_tests: number | null; designation_actions: number | null; designated_entities: number | null; median_response_lag_days: number | null };
}
