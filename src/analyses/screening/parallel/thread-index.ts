/**
 * The index a screening thread holds: the entities travel without their prepared forms, and each thread prepares and
 * indexes them again in the same order, so an entity's position means the same entity in every thread.
 */
import { indexEntities, type IndexedEntity, type ScreeningIndex } from '../index/build.js';
import { prepare } from '../prepared.js';
import type { PlainEntity } from './protocol.js';

/** What is sent to a thread: the index's entities without their prepared forms. */
export function plainEntities(index: ScreeningIndex): PlainEntity[] {
  return index.entities.map(({ prepared: _prepared, ...rest }) => rest);
}

/** In a thread: the index rebuilt from the entities sent, and each entity's position in it. */
export function threadIndex(entities: PlainEntity[], versions: string[]): { index: ScreeningIndex; position: Map<IndexedEntity, number> } {
  const indexed: IndexedEntity[] = entities.map((e) => ({ ...e, prepared: prepare(e.schema, e.properties) }));
  return { index: indexEntities(indexed, versions), position: new Map(indexed.map((e, i) => [e, i])) };
}
