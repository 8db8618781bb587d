/**
 * Analyst evidence: the checks an item must pass before it is stored, with messages that say what to fix.
 * A citation is required (a UN Panel of Experts report paragraph, a court filing, a news report); the subject and
 * any counterparty must be known (listed, imported, or a vessel a list, an import or an AIS run has seen).
 */
import type { Db } from '../../store/db.js';
import { insertEvidence, getEvidence, type EvidenceItem, type NewEvidence } from '../../store/evidence.js';
import { EVIDENCE_KINDS, KIND_BY_NAME } from './evidence-kinds.js';
import { normalizeSubjectId, SubjectResolver } from './subjects.js';

export class EvidenceInputError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'EvidenceInputError';
  }
}

export interface AnalystEvidence {
  kind: string;
  subject: string;
  counterparty?: string;
  /** YYYY-MM-DD or ISO time. */
  date: string;
  end?: string;
  place?: string;
  lat?: number;
  lon?: number;
  citation: string;
  /** 0..1; default 0.6 (a sourced report). */
  confidence?: number;
  attempt?: boolean;
  note?: string;
  author?: string;
  detail?: Record<string, unknown>;
}

const DAY = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/;

function unknownSubject(field: string, id: string): EvidenceInputError {
  return new EvidenceInputError(
    `${field} '${id}' is not a known entity: give a listed entity id or referent (e.g. ofac-23736, un-KPe.001), an imported entity id `
    + '(chokepoint import FILE.ftm.json --dataset NAME), or a vessel as imo-NNNNNNN / mmsi-NNNNNNNNN that a held list, an imported dataset or a stored AIS run knows', field,
  );
}

/** Validates and stores one analyst item; returns the stored item. Throws EvidenceInputError with a clear message. */
export async function addAnalystEvidence(db: Db, input: AnalystEvidence, resolver = new SubjectResolver(db)): Promise<EvidenceItem> {
  const def = KIND_BY_NAME.get(input.kind);
  if (!def) throw new EvidenceInputError(`unknown evidence kind '${input.kind}'; known kinds: ${EVIDENCE_KINDS.map((k) => k.kind).join(', ')}`, 'kind');
  const citation = (input.citation ?? '').trim();
  if (!citation) {
    throw new EvidenceInputError('a citation is required: name the source an analyst can check (e.g. "UN Panel of Experts S/2019/171, para. 23", a court filing, a news report with its URL)', 'citation');
  }
  if (citation.length < 8) throw new EvidenceInputError(`citation '${citation}' is too short to find the source again: give the document and the paragraph or URL`, 'citation');
  if (!input.subject?.trim()) throw new EvidenceInputError('a subject is required', 'subject');
  if (!input.date || !DAY.test(input.date) || Number.isNaN(Date.parse(input.date))) throw new EvidenceInputError(`date '${input.date ?? ''}': expected YYYY-MM-DD or an ISO UTC time`, 'date');
  if (input.end !== undefined && (!DAY.test(input.end) || Date.parse(input.end) < Date.parse(input.date))) throw new EvidenceInputError(`end '${input.end}': expected a date on or after ${input.date}`, 'end');
  if (Date.parse(input.date) > Date.now() + 86_400_000) throw new EvidenceInputError(`date ${input.date} is in the future`, 'date');
  const confidence = input.confidence ?? 0.6;
  if (!(typeof confidence === 'number' && confidence >= 0 && confidence <= 1)) throw new EvidenceInputError(`confidence ${String(input.confidence)}: expected a number from 0 to 1`, 'confidence');
  if (input.lat !== undefined && !(Math.abs(input.lat) <= 90)) throw new EvidenceInputError(`lat ${input.lat} out of range`, 'lat');
  if (input.lon !== undefined && !(Math.abs(input.lon) <= 180)) throw new EvidenceInputError(`lon ${input.lon} out of range`, 'lon');

  const subjectId = normalizeSubjectId(input.subject);
  const subject = await resolver.resolve(subjectId);
  if (!subject) throw unknownSubject('subject', subjectId);
  if (def.subject === 'vessel' && subject.schema !== 'Vessel') throw new EvidenceInputError(`kind ${def.kind} is about a vessel, and '${subjectId}' is a ${subject.schema}`, 'subject');
  let counterparty: string | undefined;
  if (input.counterparty?.trim()) {
    counterparty = normalizeSubjectId(input.counterparty);
    if (!(await resolver.resolve(counterparty))) throw unknownSubject('counterparty', counterparty);
    if (counterparty === subjectId) throw new EvidenceInputError('counterparty is the subject itself', 'counterparty');
  } else if (def.counterparty === 'required') {
    throw new EvidenceInputError(`kind ${def.kind} needs a counterparty (${def.description})`, 'counterparty');
  }
  const item: NewEvidence = {
    kind: def.kind, subject: subjectId, counterparty: counterparty ?? null, start: input.date, end: input.end ?? input.date,
    place: input.place ?? null, lat: input.lat ?? null, lon: input.lon ?? null, origin: 'analyst', citation, confidence,
    attempt: input.attempt ?? false, detail: input.detail ?? {}, note: input.note ?? null, author: input.author ?? null,
    link: { citation },
  };
  const [id] = await insertEvidence(db, [item]);
  return (await getEvidence(db, id))!;
}
