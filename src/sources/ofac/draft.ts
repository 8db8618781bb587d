import { lineage, SCHEMATA, type SchemaName } from '../../model/schema.js';
import { addValue, type Properties, type StatedLink } from '../../model/types.js';

const propertyNames = new Map<SchemaName, Set<string>>();

/** Every property a schema has, inherited included (computed once per schema). */
function propertiesOf(schema: SchemaName): Set<string> {
  let names = propertyNames.get(schema);
  if (!names) {
    names = new Set(lineage(schema).flatMap((s) => Object.keys(SCHEMATA[s].properties)));
    propertyNames.set(schema, names);
  }
  return names;
}

/**
 * A record being built: properties checked against the schema, stated links, legal provisions and notes.
 * `put` refuses a property the schema does not define, so the caller can keep the text in notes instead.
 */
export class RecordDraft {
  readonly properties: Properties = {};
  readonly links: StatedLink[] = [];
  readonly provisions: string[] = [];

  private readonly known: Set<string>;

  constructor(readonly schema: SchemaName) {
    this.known = propertiesOf(schema);
  }

  has(prop: string): boolean {
    return this.known.has(prop);
  }

  /** Adds a value; false when the schema has no such property (nothing is added then). */
  put(prop: string, value: string | undefined): boolean {
    if (!this.has(prop)) return false;
    addValue(this.properties, prop, value);
    return true;
  }

  /** Text kept verbatim. */
  note(text: string): void {
    addValue(this.properties, 'notes', text);
  }

  link(type: string, targetName: string): void {
    const name = targetName.trim();
    if (!this.links.some((l) => l.type === type && l.targetName === name)) this.links.push({ type, targetName: name });
  }

  provision(text: string): void {
    const t = text.trim();
    if (t && !this.provisions.includes(t)) this.provisions.push(t);
  }
}

/** Observations over a whole publication that become warnings: names the country table does not know. */
export class Observations {
  private readonly unknownCountries = new Map<string, number>();

  unknownCountry(name: string): void {
    this.unknownCountries.set(name, (this.unknownCountries.get(name) ?? 0) + 1);
  }

  warnings(): string[] {
    if (!this.unknownCountries.size) return [];
    const list = [...this.unknownCountries].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} (${n})`);
    return [`country names not recognised, kept as text only: ${list.join(', ')}`];
  }
}
