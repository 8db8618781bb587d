import { isA, SCHEMA_NAMES, type SchemaName } from '../../model/schema.js';
import { compareNames, type NameComparison } from './features/name.js';
import { UNIQUE_IDENTIFIER_KINDS } from './identifiers.js';
import { levenshteinSimilarity } from './similarity/levenshtein.js';
import type { ScreeningParams } from './params.js';
import type { Prepared, PreparedName } from './prepared.js';

/** One feature's part in a score: what was compared, what it found, how much it moved the score. */
export interface Explanation {
  score: number;
  contribution: number;
  detail: string;
  query?: string[];
  candidate?: string[];
}

export interface Scored {
  score: number;
  explanations: Record<string, Explanation>;
}

/** Can a query of schema `q` describe an entity of schema `c`? (LegalEntity matches Person and Company ...) */
export function schemaCompatible(q: SchemaName, c: SchemaName): boolean {
  return compatibleWith(SCHEMA_NAMES.indexOf(q))[SCHEMA_NAMES.indexOf(c)] === 1;
}

const rows: Uint8Array[] = [];

/** By schema code (Prepared.schemaCode, a position in SCHEMA_NAMES): 1 where an entity of that code can answer a query of code `q`. */
export function compatibleWith(q: number): Uint8Array {
  return (rows[q] ??= Uint8Array.from(SCHEMA_NAMES, (c) => (compatibleSchemata(SCHEMA_NAMES[q], c) ? 1 : 0)));
}

function compatibleSchemata(q: SchemaName, c: SchemaName): boolean {
  if (q === 'Thing' || c === 'Thing') return true;
  if (isA(c, q) || isA(q, c)) return true;
  // Company and Organization and PublicBody are interchangeable in lists.
  return isA(q, 'Organization') && isA(c, 'Organization');
}

interface BestName {
  q: PreparedName;
  c: PreparedName;
  cmp: NameComparison;
  score: number;
  korean: boolean;
}

/** Korean person names whose keys meet, or Korean word names (vessels) read as the same syllables. */
function koreanMeet(a: PreparedName, b: PreparedName): boolean {
  const ka = a.form.norm.korean, kb = b.form.norm.korean;
  if (ka && kb && ka.orderFreeKeys.some((k) => kb.orderFreeKeys.includes(k))) return true;
  return a.form.words.length > 0 && a.form.words.some((w) => b.form.words.includes(w));
}

/** Scripts whose letters are whole syllables: a romanization loses what tells two of them apart (종/정, 市/石). */
const SYLLABIC_SCRIPTS = new Set(['Han', 'Hangul', 'Hiragana', 'Katakana']);

/** Two names in one syllabic script: compared in that script, syllable by syllable. */
function sameSyllabicScript(a: PreparedName, b: PreparedName, p: ScreeningParams): number | undefined {
  const sa = a.form.norm.scripts, sb = b.form.norm.scripts;
  if (sa.length !== 1 || sb.length !== 1 || sa[0] !== sb[0] || !SYLLABIC_SCRIPTS.has(sa[0])) return undefined;
  const x = a.form.raw.replace(/[\s·.\-]/g, ''), y = b.form.raw.replace(/[\s·.\-]/g, '');
  return syllableSimilarity(x, y, p);
}

/**
 * Two names in one syllabic script: each differing character is a different syllable (高市 / 高石), a contradiction
 * like a different name word: agreeing characters over agreeing ones plus differing ones × syllableConflictWeight.
 */
function syllableSimilarity(x: string, y: string, p: ScreeningParams): number {
  const longest = Math.max([...x].length, [...y].length);
  if (!longest) return 0;
  const d = Math.round((1 - levenshteinSimilarity(x, y)) * longest);
  const agree = longest - d;
  return agree / (agree + d * p.syllableConflictWeight);
}

function bestName(q: Prepared, c: Prepared, p: ScreeningParams): BestName | undefined {
  let best: BestName | undefined;
  for (const qn of q.names) {
    for (const cn of c.names) {
      const cmp = compareNames(qn.form, cn.form, p);
      // "X bin Y" against "Y bin X": the same words, father and son swapped — a contradiction within the names.
      const reversed = filiationReversed(qn, cn);
      if (reversed) {
        cmp.filiationReversed = reversed;
        cmp.score = Math.max(0, cmp.score - p.filiationReversedPenalty);
      }
      const syllabic = sameSyllabicScript(qn, cn, p);
      if (syllabic !== undefined) cmp.score = Math.min(cmp.score, syllabic);
      let score = cmp.score;
      const korean = syllabic === undefined && koreanMeet(qn, cn);
      if (korean) score = Math.max(score, p.koreanKeyScore);
      if (cn.weak || qn.weak) score *= p.weakAliasFactor;
      if (!best || score > best.score) best = { q: qn, c: cn, cmp, score, korean };
    }
  }
  return best;
}

function yearOf(d: string): string {
  return d.slice(0, 4);
}

/** Do two dates agree at the precision both give (1962 agrees with 1962-05-01)? */
function datesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function numbersDiffer(q: PreparedName, c: PreparedName): boolean {
  const a = q.form.numbers, b = c.form.numbers;
  if (!a.length || !b.length) return false;
  return a.join(' ') !== b.join(' ');
}

/**
 * An organization's name carries a number (a series, a fund, a branch) that the other lacks. Not persons, and not
 * vessels: reports drop a vessel's number at will, and a number-less name is then any vessel of the series.
 */
function numberOneSided(q: PreparedName, c: PreparedName, schema: SchemaName): boolean {
  if (q.form.personal || schema === 'Vessel') return false;
  return (q.form.numbers.length > 0) !== (c.form.numbers.length > 0);
}

/** "X bin Y" in one name and "Y bin X" in the other: father and son swapped, two different persons. */
function filiationReversed(q: PreparedName, c: PreparedName): [string, string] | undefined {
  const fq = q.form.filiations;
  if (!fq.length) return undefined;
  const fc = c.form.filiations;
  for (const [x, y] of fq) if (x !== y && fc.some(([a, b]) => a === y && b === x)) return [x, y];
  return undefined;
}

/** Legal forms that name a distinct kind of legal person (an AG is not a GmbH), unlike generic company words. */
const STRICT_LEGAL_FORMS = new Set(['llc', 'jsc', 'ano', 'sa', 'ag', 'plc', 'lp', 'llp', 'bv', 'nv', 'fze', 'bhd', 'pte']);

/**
 * The screening model: a name score (best pair of names, Korean-aware), raised by unique identifiers in common,
 * then moved by qualifiers (birth date, country, gender, numbers in names). Deterministic. With `explain` false the
 * score is the same and the explanations are left out (ranking many candidates before explaining the few kept).
 */
export function scorePair(q: Prepared, c: Prepared, p: ScreeningParams, explain = true): Scored {
  const explanations: Record<string, Explanation> = {};
  if (compatibleWith(q.schemaCode)[c.schemaCode] !== 1) {
    explanations.schema_mismatch = { score: 0, contribution: 0, detail: `a ${q.schema} query cannot match a ${c.schema}` };
    return { score: 0, explanations };
  }
  let score = 0;
  const best = bestName(q, c, p);
  if (best) {
    const { cmp } = best;
    if (explain) explanations.name_match = {
      score: round(cmp.score), contribution: round(cmp.score),
      detail: `${cmp.pairs.map((x) => `${x.q}~${x.c} ${x.how} ${round(x.sim)}`).join(', ') || 'no tokens in common'}` +
        `${cmp.conflicts.q.length ? `; differ: ${cmp.conflicts.q.join(' ')} / ${cmp.conflicts.c.join(' ')}` : ''}` +
        `${cmp.extra.length ? `; only one side: ${cmp.extra.join(' ')}` : ''}` +
        `${cmp.joined !== undefined ? `; written together: ${round(cmp.joined)}` : ''}` +
        `${cmp.acronym !== undefined ? `; an acronym of ${cmp.acronym}: ${round(cmp.score)}` : ''}` +
        `${cmp.filiationReversed ? `; "${cmp.filiationReversed[0]} bin ${cmp.filiationReversed[1]}" against "${cmp.filiationReversed[1]} bin ${cmp.filiationReversed[0]}", father and son swapped: -${p.filiationReversedPenalty}` : ''}` +
        `${best.q.form.ignored.length || best.c.form.ignored.length ? `; particles and titles not compared: ${[...best.q.form.ignored, ...best.c.form.ignored].join(' ')}` : ''}`,
      query: [best.q.form.raw], candidate: [best.c.form.raw],
    };
    score = cmp.score;
    if (best.korean) {
      const lift = Math.max(0, p.koreanKeyScore - score);
      if (explain) explanations.korean_name_key = {
        score: 1, contribution: round(lift),
        detail: best.q.form.norm.korean && best.c.form.norm.korean
          ? `Korean syllable keys meet: ${best.q.form.norm.korean.orderFreeKey} = ${best.c.form.norm.korean.orderFreeKey}`
          : `Korean words read as the same syllables: ${best.q.form.words.find((w) => best.c.form.words.includes(w))}`,
        query: [best.q.form.raw], candidate: [best.c.form.raw],
      };
      score = Math.max(score, p.koreanKeyScore);
    }
    if (best.c.weak || best.q.weak) {
      const after = score * p.weakAliasFactor;
      if (explain) explanations.weak_alias = { score: 1, contribution: round(after - score), detail: `matched a weak alias (${best.c.prop})` };
      score = after;
    }
    const lq = best.q.form.norm.legalForms, lc = best.c.form.norm.legalForms;
    if (lq.length && lc.length && !lq.some((f) => lc.includes(f))) {
      const strict = lq.some((f) => STRICT_LEGAL_FORMS.has(f)) && lc.some((f) => STRICT_LEGAL_FORMS.has(f));
      const penalty = strict ? p.strictLegalFormMismatchPenalty : p.legalFormMismatchPenalty;
      if (explain) explanations.legal_form_mismatch = {
        score: 1, contribution: -penalty, detail: `legal forms differ: ${lq.join(' ')} vs ${lc.join(' ')}${strict ? ' (distinct kinds of legal person)' : ''}`,
      };
      score -= penalty;
    }
    if (numberOneSided(best.q, best.c, c.schema)) {
      if (explain) explanations.number_mismatch = {
        score: 1, contribution: -p.numberOneSidedPenalty,
        detail: `a number only one name has: ${best.q.form.numbers.join(' ') || '-'} vs ${best.c.form.numbers.join(' ') || '-'}`,
      };
      score -= p.numberOneSidedPenalty;
    }
    if (numbersDiffer(best.q, best.c)) {
      if (explain) explanations.number_mismatch = {
        score: 1, contribution: -p.numberMismatchPenalty, detail: `numbers differ: ${best.q.form.numbers.join(' ')} vs ${best.c.form.numbers.join(' ')}`,
      };
      score -= p.numberMismatchPenalty;
    }
  }
  const nameScore = score;

  const shared = q.ids.filter((a) => c.ids.some((b) => a.kind === b.kind && a.value === b.value));
  const unique = shared.filter((s) => UNIQUE_IDENTIFIER_KINDS.has(s.kind));
  if (unique.length) {
    const lifted = Math.max(score, p.uniqueIdentifierScore);
    if (explain) explanations.identifier_match = {
      score: 1, contribution: round(lifted - score), detail: `same ${unique.map((u) => `${u.kind.toUpperCase()} ${u.value}`).join(', ')}`,
      query: unique.map((u) => u.raw),
    };
    score = lifted;
  } else if (shared.length && nameScore >= p.documentMinName) {
    if (explain) explanations.document_match = {
      score: 1, contribution: p.documentBonus, detail: `same ${shared.map((u) => `${u.prop} ${u.value}`).join(', ')}`, query: shared.map((u) => u.raw),
    };
    score += p.documentBonus;
  }

  if (q.birthDates.length && c.birthDates.length) {
    const agree = q.birthDates.some((a) => c.birthDates.some((b) => datesAgree(a, b)));
    const yearAgree = q.birthDates.some((a) => c.birthDates.some((b) => yearOf(a) === yearOf(b)));
    const contribution = agree ? p.birthDateMatchBonus : yearAgree ? 0 : -p.birthDateMismatchPenalty;
    if (explain) explanations.birth_date = {
      score: agree ? 1 : 0, contribution, detail: agree ? 'birth dates agree' : yearAgree ? 'same birth year, dates differ' : 'birth dates differ',
      query: q.birthDates, candidate: c.birthDates,
    };
    score += contribution;
  }
  if (q.countries.length && c.countries.length) {
    const agree = q.countries.some((x) => c.countries.includes(x));
    if (explain) explanations.country = {
      score: agree ? 1 : 0, contribution: agree ? 0 : -p.countryMismatchPenalty,
      detail: agree ? 'a country in common' : 'no country in common', query: q.countries, candidate: c.countries,
    };
    if (!agree) score -= p.countryMismatchPenalty;
  }
  if (q.genders.length && c.genders.length && !q.genders.some((g) => c.genders.includes(g))) {
    if (explain) explanations.gender = { score: 0, contribution: -p.genderMismatchPenalty, detail: 'genders differ', query: q.genders, candidate: c.genders };
    score -= p.genderMismatchPenalty;
  }
  return { score: round(Math.min(1, Math.max(0, score))), explanations };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
