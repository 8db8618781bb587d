import { SourceError } from '../types.js';
import { addValue, type Properties, type SanctionInfo, type SourceRecord, type StatedLink } from '../../model/types.js';
import { lineage, SCHEMATA, type SchemaName } from '../../model/schema.js';
import { countryOf } from './values.js';

const PROPERTY_NAMES = new Map<SchemaName, Set<string>>();

/** Every property name a schema has, inherited ones included (cached: this is asked for every value). */
function propertyNames(schema: SchemaName): Set<string> {
  let names = PROPERTY_NAMES.get(schema);
  if (!names) {
    names = new Set(lineage(schema).flatMap((s) => Object.keys(SCHEMATA[s].properties)));
    PROPERTY_NAMES.set(schema, names);
  }
  return names;
}

/**
 * Collects one record's properties (shared by the UN, UK and EU parsers). Only property names the schema defines
 * are used; a value whose property the schema lacks (a position on an Organization, a passport on a Vessel) is
 * kept as a labelled note rather than dropped, so no text of the list is lost.
 */
export class RecordBuilder {
  readonly props: Properties = {};
  readonly links: StatedLink[] = [];
  private readonly known: Set<string>;

  constructor(readonly schema: SchemaName) {
    this.known = propertyNames(schema);
  }

  /** True if the schema defines `prop`. */
  accepts(prop: string): boolean {
    return this.known.has(prop);
  }

  put(prop: string, value: string | undefined | null, label?: string): void {
    if (value === undefined || value === null || !value.trim()) return;
    if (this.accepts(prop)) addValue(this.props, prop, value);
    else this.note(value, label ?? prop);
  }

  /** A country-typed property from a country name or code; unknown names are kept as a labelled note. */
  putCountry(prop: string, raw: string | undefined | null, label: string): void {
    if (!raw || !raw.trim()) return;
    const code = countryOf(raw);
    if (code && this.accepts(prop)) addValue(this.props, prop, code);
    else this.note(raw, label);
  }

  note(text: string | undefined | null, label?: string): void {
    if (!text || !text.trim()) return;
    addValue(this.props, 'notes', label ? `${label}: ${text.trim()}` : text);
  }

  link(l: StatedLink): void {
    const dup = this.links.some((x) => x.type === l.type && x.targetRecordId === l.targetRecordId && x.targetName === l.targetName);
    if (!dup) this.links.push(l);
  }

  first(prop: string): string | undefined {
    return this.props[prop]?.[0];
  }

  build(meta: { prefix: string; source: string; recordId: string; sanctions: SanctionInfo[]; line?: number }): SourceRecord {
    const caption = this.first('name') ?? this.first('alias') ?? meta.recordId;
    return {
      id: `${meta.prefix}-${meta.recordId}`,
      source: meta.source,
      recordId: meta.recordId,
      schema: this.schema,
      caption,
      properties: this.props,
      sanctions: meta.sanctions,
      links: this.links,
      ...(meta.line !== undefined ? { line: meta.line } : {}),
    };
  }
}

/** Non-fatal observations of one parse; repeated ones are reported once, with how often they happened. */
/** Record ids met in one file: a second occurrence is an error naming both lines. */
export class UniqueIds {
  private readonly seen = new Map<string, number>();
  constructor(private readonly file: string, private readonly field: string) {}

  add(id: string, line: number): void {
    const first = this.seen.get(id);
    if (first !== undefined) throw new SourceError(this.file, line, `${this.field} ${id} appears twice (first on line ${first})`);
    this.seen.set(id, line);
  }
}

export class WarningLog {
  private readonly tallies = new Map<string, { n: number; describe: (n: number) => string }>();
  private readonly plain: string[] = [];

  add(message: string): void {
    if (!this.plain.includes(message)) this.plain.push(message);
  }

  tally(key: string, describe: (n: number) => string): void {
    const t = this.tallies.get(key);
    if (t) t.n++;
    else this.tallies.set(key, { n: 1, describe });
  }

  list(): string[] {
    return [...this.plain, ...[...this.tallies.values()].map((t) => t.describe(t.n))];
  }
}
