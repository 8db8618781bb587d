import { normalizeName } from './normalize/index.js';

/** A reviewed false positive: this entity is not the party screened under this name. */
export interface Suppression {
  query: string;
  /** Entity id or any of its referents. */
  entity: string;
  reason: string;
  reviewer?: string;
  date?: string;
  /** Where it was stated (file and line), for the audit trail. */
  origin: string;
}

interface Referable {
  id: string;
  referents: string[];
}

/**
 * The key a query name is compared by: the folded, transliterated form (case, accents, punctuation and script
 * do not matter, word order does): "Ri Yong-gil", "RI YONG GIL" and "리용길" share one key.
 */
export function suppressionKey(name: string): string {
  return normalizeName(name).ascii;
}

/** Suppressions by query key; a hit is suppressed when its entity or one of its referents is the one named. */
export class SuppressionList {
  private byKey = new Map<string, Suppression[]>();

  constructor(readonly items: Suppression[] = []) {
    for (const s of items) {
      const key = suppressionKey(s.query);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), s]);
    }
  }

  get size(): number {
    return this.items.length;
  }

  /** The suppressions that may apply to a query with these names. */
  forQuery(names: string[]): Suppression[] {
    if (!this.byKey.size) return [];
    return [...new Set(names.map(suppressionKey))].flatMap((k) => this.byKey.get(k) ?? []);
  }

  /** The suppression that hides this entity for this query, if any. */
  find(names: string[], entity: Referable, candidates = this.forQuery(names)): Suppression | undefined {
    return candidates.find((s) => s.entity === entity.id || entity.referents.includes(s.entity));
  }

  /** Suppressions naming an entity none of these has as id or referent (a typo, or an entity since removed). */
  unknown(entities: Iterable<Referable>): Suppression[] {
    const known = new Set<string>();
    for (const e of entities) {
      known.add(e.id);
      for (const r of e.referents) known.add(r);
    }
    return this.items.filter((s) => !known.has(s.entity));
  }
}

/** How a suppressed hit is written in an output row: `ofac-33936: reason (reviewer, date)`. */
export function describeSuppression(entityId: string, s: Suppression): string {
  const who = [s.reviewer, s.date].filter(Boolean).join(', ');
  return `${entityId}: ${s.reason}${who ? ` (${who})` : ''}`;
}
