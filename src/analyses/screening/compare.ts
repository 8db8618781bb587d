import type { SchemaName } from '../../model/schema.js';
import { SCREENING_PARAMS, type ScreeningParams } from './params.js';
import { prepare } from './prepared.js';
import { scorePair, type Scored } from './score.js';

/** Scores two given records with the screening model (the same scoring /match uses against the index). */
export function compareRecords(
  schema: SchemaName, a: Record<string, string[]>, b: Record<string, string[]>, params: ScreeningParams = { ...SCREENING_PARAMS },
): Scored & { match: boolean } {
  const res = scorePair(prepare(schema, a), prepare(schema, b), params);
  return { ...res, match: res.score >= params.threshold };
}
