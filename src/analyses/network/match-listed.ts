/**
 * Which imported entities are listed entities, by the rules in match-rules.ts, through the screening engine
 * (its identifier keys and its name model, so `Ri Yong Gil` in a registry meets `Lee Young-kil` on a list).
 */
import type { SchemaName } from '../../model/schema.js';
import type { ScreeningIndex, IndexedEntity } from '../screening/index/build.js';
import { matchQuery } from '../screening/match.js';
import { prepare } from '../screening/prepared.js';
import { schemaCompatible } from '../screening/score.js';
import { UNIQUE_IDENTIFIER_KINDS } from '../screening/identifiers.js';
import type { ImportedRow, MatchRow } from '../../store/datasets.js';
import { MATCH_RULES } from './match-rules.js';

const MATCHABLE: ReadonlySet<string> = new Set(MATCH_RULES.schemata);

/** The imported entities that are screened against the lists (legal entities and vessels, not edges or addresses). */
export function isMatchable(r: Pick<ImportedRow, 'schema'>): boolean {
  return MATCHABLE.has(r.schema);
}

/**
 * Matches of one imported entity to listed entities: at most one used match per listed entity, strongest rule
 * first. `listed` restricts candidates to official list entities (the index may also hold imported ones).
 */
export function matchRow(index: ScreeningIndex, r: ImportedRow, listed: (e: IndexedEntity) => boolean): MatchRow[] {
  if (!isMatchable(r)) return [];
  const schema = r.schema as SchemaName;
  const q = prepare(schema, r.properties);
  const out = new Map<string, MatchRow>();
  for (const id of q.ids) {
    if (!UNIQUE_IDENTIFIER_KINDS.has(id.kind)) continue;
    for (const ei of index.identifiers.get(`${id.kind}:${id.value}`) ?? []) {
      const e = index.entities[ei];
      if (!listed(e) || !schemaCompatible(schema, e.schema) || out.has(e.id)) continue;
      out.set(e.id, {
        dataset: r.dataset, id: r.id, entity_id: e.id, rule: 'unique_identifier', score: 0.99, used: true,
        detail: { kind: id.kind, value: id.value, imported: `${id.prop}: ${id.raw}`, listedCaption: e.caption },
      });
    }
  }
  if (!q.names.length) return [...out.values()];
  const res = matchQuery(index, schema, r.properties, { threshold: MATCH_RULES.possibleScore, limit: MATCH_RULES.limit, filter: listed });
  for (const m of res.results) {
    if (m.score < MATCH_RULES.possibleScore || out.has(m.entity.id)) continue;
    const shared = q.countries.filter((c) => m.entity.prepared.countries.includes(c));
    const strong = m.score >= MATCH_RULES.nameScore && shared.length > 0;
    const why = strong
      ? `names score ${m.score.toFixed(2)} (>= ${MATCH_RULES.nameScore}) and countries agree (${shared.join(', ')})`
      : m.score < MATCH_RULES.nameScore
        ? `names score ${m.score.toFixed(2)}, below ${MATCH_RULES.nameScore}: for review only`
        : !q.countries.length || !m.entity.prepared.countries.length
          ? `names score ${m.score.toFixed(2)} but ${q.countries.length ? 'the listed entity states' : 'the imported entity states'} no country: for review only`
          : `names score ${m.score.toFixed(2)} but countries differ (${q.countries.join(', ')} / ${m.entity.prepared.countries.join(', ')}): for review only`;
    out.set(m.entity.id, {
      dataset: r.dataset, id: r.id, entity_id: m.entity.id, rule: strong ? 'name_and_country' : 'possible', score: Math.round(m.score * 1000) / 1000, used: strong,
      detail: { reason: why, listedCaption: m.entity.caption, importedCaption: r.caption, countries: shared },
    });
  }
  return [...out.values()].sort((a, b) => Number(b.used) - Number(a.used) || b.score - a.score || a.entity_id.localeCompare(b.entity_id));
}
