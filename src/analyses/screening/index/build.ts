import type { Entity } from '../../../model/entity.js';
import { prepare, type Prepared } from '../prepared.js';
import { Vocabulary } from './vocabulary.js';

/** What the index keeps of an entity: enough to score it and to answer with it. */
export interface IndexedEntity {
  id: string;
  caption: string;
  schema: Entity['schema'];
  datasets: string[];
  referents: string[];
  topics: string[];
  dprk: boolean;
  firstSeen?: string;
  lastSeen?: string;
  properties: Entity['properties'];
  prepared: Prepared;
}

/** In-memory screening index over the merged entities: postings by token, Korean key and identifier. */
export interface ScreeningIndex {
  entities: IndexedEntity[];
  vocabulary: Vocabulary;
  /** Token id → entity indexes (ascending). */
  tokenPostings: Int32Array[];
  /** Token id → inverse document frequency. */
  idf: Float64Array;
  /** Entity index → its schema code (Prepared.schemaCode), for the schema check on the hot path. */
  schemaCodes: Uint8Array;
  /** Phonetic code → token ids. */
  phonetic: Map<string, number[]>;
  /** Korean order-free key → entity indexes. */
  korean: Map<string, number[]>;
  /** `${kind}:${value}` → entity indexes. */
  identifiers: Map<string, number[]>;
  /** List versions the index was built from, e.g. ['ofac@2024-05-03', 'un@2026-05-08']. */
  versions: string[];
  builtAt: string;
  buildMs: number;
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (list[list.length - 1] !== v) list.push(v);
}

export function indexedEntity(e: Entity): IndexedEntity {
  return {
    id: e.id, caption: e.caption, schema: e.schema, datasets: e.datasets, referents: e.referents, topics: e.topics,
    dprk: e.dprk.length > 0, ...(e.firstSeen ? { firstSeen: e.firstSeen } : {}), ...(e.lastSeen ? { lastSeen: e.lastSeen } : {}),
    properties: e.properties, prepared: prepare(e.schema, e.properties),
  };
}

/** Builds the index from merged entities (from the store at start, and again after each list update). */
export function buildIndex(entities: Entity[], versions: string[]): ScreeningIndex {
  const started = performance.now();
  const index = indexEntities(entities.map(indexedEntity), versions);
  return { ...index, buildMs: performance.now() - started };
}

/** Builds the index over entities already prepared for scoring (a batch worker thread rebuilding the index it was sent). */
export function indexEntities(indexed: IndexedEntity[], versions: string[]): ScreeningIndex {
  const started = performance.now();
  const vocabulary = new Vocabulary();
  const postings: number[][] = [];
  const phonetic = new Map<string, number[]>();
  const korean = new Map<string, number[]>();
  const identifiers = new Map<string, number[]>();
  indexed.forEach((ie, ei) => {
    for (const n of ie.prepared.names) {
      const f = n.form;
      const all = new Set(f.tokens);
      // The name written as one word, so a query 'Chonmasan' finds CHON MA SAN.
      if (f.tokens.length > 1) all.add(f.tokens.join(''));
      for (const t of all) {
        const id = vocabulary.id(t);
        const list = postings[id] ?? (postings[id] = []);
        if (list[list.length - 1] !== ei) list.push(ei);
      }
      f.tokens.forEach((t, i) => {
        if (f.phonetic[i]) {
          const id = vocabulary.id(t);
          const list = phonetic.get(f.phonetic[i]);
          if (!list) phonetic.set(f.phonetic[i], [id]);
          else if (!list.includes(id)) list.push(id);
        }
      });
      for (const k of f.norm.korean?.orderFreeKeys ?? []) push(korean, k, ei);
      for (const w of f.words) push(korean, `w:${w}`, ei);
    }
    for (const id of ie.prepared.ids) push(identifiers, `${id.kind}:${id.value}`, ei);
  });
  const n = indexed.length || 1;
  const idf = new Float64Array(vocabulary.tokens.length);
  const tokenPostings = vocabulary.tokens.map((_, id) => {
    const list = postings[id] ?? [];
    idf[id] = Math.log(1 + n / (list.length || 1));
    return Int32Array.from(list);
  });
  return {
    entities: indexed, vocabulary, tokenPostings, idf, phonetic, korean, identifiers, versions,
    schemaCodes: Uint8Array.from(indexed, (e) => e.prepared.schemaCode),
    builtAt: new Date().toISOString(), buildMs: performance.now() - started,
  };
}
