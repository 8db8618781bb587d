/**
 * Imported rows (FtM entities and edges as stored) in the shapes the network layer uses. An imported entity is
 * never an official list entry: it carries its own dataset name, no `sanction` topic, and a record id
 * `<dataset>:<id>` with the version `<dataset>@<imported_at>` as the provenance of its values.
 */
import { isSchemaName, SCHEMATA, type SchemaName } from '../../model/schema.js';
import type { ImportedRow } from '../../store/datasets.js';
import { parsePercentage, type OwnershipEdge } from './ownership.js';

export const EDGE_SCHEMATA = new Set(['Ownership', 'Directorship', 'UnknownLink']);

export interface ImportedEdge {
  id: string;
  dataset: string;
  schema: 'Ownership' | 'Directorship' | 'UnknownLink';
  source: string;
  target: string;
  /** The FtM properties holding source and target ('owner' / 'asset', ...). */
  sourceProp: string;
  targetProp: string;
  percentage?: number;
  role?: string;
  line: number | null;
}

export function isEdgeRow(r: Pick<ImportedRow, 'schema'>): boolean {
  return EDGE_SCHEMATA.has(r.schema);
}

export function edgeOf(r: ImportedRow): ImportedEdge | undefined {
  if (!isEdgeRow(r) || !isSchemaName(r.schema)) return undefined;
  const def = SCHEMATA[r.schema as SchemaName].edge!;
  const source = r.properties[def.source]?.[0];
  const target = r.properties[def.target]?.[0];
  if (!source || !target) return undefined;
  const pct = r.properties.percentage?.[0];
  const percentage = pct !== undefined ? parsePercentage(pct) : undefined;
  return {
    id: r.id, dataset: r.dataset, schema: r.schema as ImportedEdge['schema'], source, target, sourceProp: def.source, targetProp: def.target,
    ...(percentage !== undefined ? { percentage } : {}), ...(r.properties.role?.[0] ? { role: r.properties.role[0] } : {}), line: r.line,
  };
}

/** The record id that is the provenance of an imported value. */
export function importedRecord(dataset: string, id: string): string {
  return `${dataset}:${id}`;
}

/**
 * Ownership edges for the 50 % rule, with each end mapped through `resolve` (an imported entity matched to a listed
 * one stands for it; a reference to a listed referent stands for the entity).
 */
export function ownershipFromRows(edges: readonly ImportedEdge[], resolve: (id: string) => string): OwnershipEdge[] {
  return edges.filter((e) => e.schema === 'Ownership').map((e) => ({
    id: e.id, owner: resolve(e.source), asset: resolve(e.target), percentage: e.percentage ?? 0, source: importedRecord(e.dataset, e.id),
  }));
}
