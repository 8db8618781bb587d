/**
 * Company legal forms → canonical short tokens, so that "Korea Ryonbong General Corporation" and
 * "KOREA RYONBONG GENERAL CORP." carry the same legal form, and the core name (legal forms and stop words
 * removed) can be compared on its own.
 *
 * The table groups forms by legal function across jurisdictions (ISO 20275 "Entity Legal Forms" is the
 * reference for the forms themselves): limited-liability companies (LLC, Russian ООО, German GmbH, French
 * SARL ...) → llc; joint-stock companies (JSC, Russian АО / ОАО / ЗАО / ПАО, Japanese 株式会社, Korean
 * 주식회사) → jsc; Chinese 有限公司 "limited company" → co ltd; the DPRK 총회사 "general corporation" →
 * gen corp. Trading / group / holding are not legal forms but generic company words treated the same way.
 * Forms are written here in their own script; they go through the same transliteration and folding as the
 * names, so they match whatever the names become.
 */
import { foldText } from './unicode.js';
import { transliterate } from './translit.js';
import { isStopword } from './stopwords.js';
import { levenshteinWithin } from '../similarity/levenshtein.js';

export interface LegalFormEntry {
  /** Canonical token(s), space-separated. */
  canonical: string;
  forms: readonly string[];
}

export const LEGAL_FORMS: readonly LegalFormEntry[] = [
  { canonical: 'co', forms: ['co', 'company', 'cie', 'compagnie', 'compania', 'companhia', 'cia', 'компания', '公司', '会社', '회사'] },
  { canonical: 'ltd', forms: ['ltd', 'limited', 'ltda', 'limitada'] },
  { canonical: 'co ltd', forms: ['有限公司', '有限会社', '유한회사', '유한공사'] },
  { canonical: 'corp', forms: ['corp', 'corporation', 'корпорация'] },
  { canonical: 'gen corp', forms: ['general corporation', 'general corp', 'gen corp', '총회사'] },
  { canonical: 'inc', forms: ['inc', 'incorporated'] },
  {
    canonical: 'llc',
    forms: [
      'llc', 'l.l.c.', 'limited liability company', 'ooo', 'ООО', 'общество с ограниченной ответственностью', 'тов',
      'gmbh', 'gesellschaft mit beschränkter haftung', 'sarl', 's.a.r.l.', 'srl', 's.r.l.', 'societatea cu răspundere limitată',
      'sp. z o.o.', 'spolka z ograniczona odpowiedzialnoscia', 'kft',
    ],
  },
  {
    canonical: 'jsc',
    forms: [
      'jsc', 'joint stock company', 'joint-stock company', 'open joint stock company', 'closed joint stock company',
      'public joint stock company', 'ojsc', 'cjsc', 'pjsc', 'oao', 'zao', 'pao', 'ao', 'aktiebolag', 'ab', 'a/s', 'aktieselskab',
      'ОАО', 'ЗАО', 'ПАО', 'АО', 'акционерное общество', 'публичное акционерное общество', '株式会社', '주식회사',
      'kabushiki kaisha', '股份有限公司',
    ],
  },
  { canonical: 'plc', forms: ['plc', 'p.l.c.', 'public limited company'] },
  { canonical: 'lp', forms: ['lp', 'l.p.', 'limited partnership'] },
  { canonical: 'ano', forms: ['ano', 'АНО', 'autonomous non-profit organization', 'автономная некоммерческая организация'] },
  { canonical: 'sa', forms: ['sa', 's.a.', 'sociedad anonima', 'societe anonyme', 'spa', 's.p.a.'] },
  { canonical: 'ag', forms: ['ag', 'aktiengesellschaft', 'aktiengeselschaft'] },
  { canonical: 'pte', forms: ['pte', 'pte.'] },
  { canonical: 'pte ltd', forms: ['private limited'] },
  { canonical: 'bv', forms: ['bv', 'b.v.'] },
  { canonical: 'nv', forms: ['nv', 'n.v.'] },
  { canonical: 'llp', forms: ['llp', 'limited liability partnership'] },
  { canonical: 'fze', forms: ['fze', 'fzco', 'fzc', 'fz-llc', 'free zone establishment', 'free zone company'] },
  { canonical: 'sdn bhd', forms: ['sdn bhd', 'sendirian berhad'] },
  { canonical: 'bhd', forms: ['bhd', 'berhad'] },
  { canonical: 'trading', forms: ['trading', 'trade', 'traders', '贸易', '商贸', '무역'] },
  { canonical: 'group', forms: ['group', '集团', '그룹'] },
  { canonical: 'holding', forms: ['holding', 'holdings'] },
];

interface CompiledForm {
  tokens: string[];
  canonical: string[];
}

let compiled: Map<string, CompiledForm[]> | undefined;
let hangulForms: string[] | undefined;

/** The forms as token sequences, indexed by first token, longest first. */
function forms(): Map<string, CompiledForm[]> {
  if (compiled) return compiled;
  compiled = new Map();
  for (const entry of LEGAL_FORMS) {
    for (const form of entry.forms) {
      const tokens = foldText(transliterate(form, 'word')).split(' ').filter(Boolean);
      if (!tokens.length) continue;
      const list = compiled.get(tokens[0]) ?? [];
      list.push({ tokens, canonical: entry.canonical.split(' ') });
      compiled.set(tokens[0], list);
    }
  }
  for (const list of compiled.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return compiled;
}

export interface LegalFormSplit {
  /** Canonical legal-form tokens found, in order. */
  legalForms: string[];
  /** The other tokens. */
  rest: string[];
}

let multiWord: CompiledForm[] | undefined;

/**
 * How a word of a legal form of several words is written in a name: 0 the word itself, or, as the name's last token,
 * the word cut short after four letters or more (lists truncate long names: ...JOINT STOCK COMPAN); 1 the word with
 * one slip, if it is five letters or more (JOYNT STOCK COMPANY); 2 not that word.
 */
function formWordCost(written: string | undefined, word: string, last: boolean): number {
  if (written === undefined) return 2;
  if (written === word) return 0;
  if (last && written.length >= 4 && written.length < word.length && word.startsWith(written)) return 0;
  return word.length >= 5 && written[0] === word[0] && Math.abs(written.length - word.length) <= 1 && levenshteinWithin(written, word, 1) <= 1 ? 1 : 2;
}

/** A multi-word form as written: cut short at the end, or (forms of three words or more) one word with a slip. */
function formMatches(f: CompiledForm, tokens: readonly string[], k: number): boolean {
  let slips = 0;
  for (let j = 0; j < f.tokens.length; j++) {
    const cost = formWordCost(tokens[k + j], f.tokens[j], k + j === tokens.length - 1);
    if (cost === 2) return false;
    slips += cost;
  }
  return slips === 0 || (slips === 1 && f.tokens.length >= 3);
}

/** The longest legal form starting at tokens[k], if any; multi-word forms also with a slip or cut short. */
function formAt(tokens: readonly string[], k: number): CompiledForm | undefined {
  const exact = forms()
    .get(tokens[k])
    ?.find((f) => f.tokens.every((t, j) => tokens[k + j] === t));
  if (exact) return exact;
  multiWord ??= [...forms().values()].flat().filter((f) => f.tokens.length >= 2 && f.tokens.every((t) => t.length >= 3))
    .sort((a, b) => b.tokens.length - a.tokens.length);
  const first = tokens[k];
  if (first.length < 3) return undefined;
  return multiWord.find((f) => formMatches(f, tokens, k));
}

/** Find legal forms in a folded token sequence (anywhere: OOO Gefest-M, Ryonbong General Corp.). */
export function splitLegalForms(tokens: readonly string[]): LegalFormSplit {
  const legalForms: string[] = [];
  const rest: string[] = [];
  for (let k = 0; k < tokens.length; ) {
    const hit = formAt(tokens, k);
    if (hit) legalForms.push(...hit.canonical);
    else rest.push(tokens[k]);
    k += hit ? hit.tokens.length : 1;
  }
  return { legalForms, rest };
}

/** Canonicalize legal forms in place: Korea Ryonbong General Corporation → korea ryonbong gen corp. */
export function canonicalizeLegalForms(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < tokens.length; ) {
    const hit = formAt(tokens, k);
    if (hit) out.push(...hit.canonical);
    else out.push(tokens[k]);
    k += hit ? hit.tokens.length : 1;
  }
  return out;
}

/**
 * The core name of an organisation: legal forms and stop words removed. A name that is nothing but those
 * (e.g. "The Trading Company") keeps its tokens.
 */
export function coreName(tokens: readonly string[]): string[] {
  const core = splitLegalForms(tokens).rest.filter((t) => !isStopword(t));
  return core.length ? core : [...tokens];
}

/**
 * Hangul is written without spaces before a legal form (조선련봉총회사): split the Hangul forms of the table
 * off the end of Hangul runs, longest first and repeatedly, before transliteration.
 */
export function splitHangulLegalSuffixes(s: string): string {
  hangulForms ??= LEGAL_FORMS.flatMap((e) => e.forms)
    .filter((f) => /^[\uac00-\ud7a3]+$/.test(f))
    .sort((a, b) => b.length - a.length);
  return s.replace(/[\uac00-\ud7a3]+/g, (run) => {
    let head = run;
    const tail: string[] = [];
    for (let found = true; found; ) {
      found = false;
      for (const f of hangulForms!) {
        if (head.length > f.length && head.endsWith(f)) {
          tail.unshift(f);
          head = head.slice(0, -f.length);
          found = true;
          break;
        }
      }
    }
    return [head, ...tail].join(' ');
  });
}
