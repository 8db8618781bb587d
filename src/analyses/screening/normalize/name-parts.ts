/**
 * Word-level rules applied to folded tokens after normalization, before comparison. Each rule names a general
 * phenomenon of how names are written; none is tied to a particular listed name.
 *
 * Persons:
 *  - Arabic name particles have several spellings of one word: the article (al, el, ul), "son of" (bin, ibn, and
 *    ben between two names), and the "servant of" compound (Abd al-, Abdel, Abdul, Abdoul): each is written one way.
 *  - Particles and titles (al, bin, van, von, Shaikh, President, Mr ...) are not compared as name words: writers drop
 *    and add them at will (Usama bin Ladin / Osama Laden, Shaikh Isa Bin Tarif / Isa bin Tarif). They are kept in
 *    `chain` so that the order around "bin" (X son of Y) can still be compared.
 * Organizations and vessels:
 *  - English number words and ordinals are numbers (Brigade Forty-Four = Brigade 44, First = 1st = 1).
 *  - Common written abbreviations are the word (Int'l = International, Dept = Department).
 */

/**
 * Lookup tables keyed by name tokens have no prototype: a token such as 'constructor' must find nothing, not
 * Object.prototype.constructor (a 500 on POST /match with the name "constructor", found by fuzzing, issue #9).
 */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Spellings of one Arabic particle → its canonical form. `ben` only between two names (Ben is also a given name). */
const PARTICLE_SPELLINGS: Record<string, string> = table({ el: 'al', ul: 'al', ibn: 'bin', bn: 'bin', ibnu: 'bin', binti: 'bint' });

/** The "servant of" compound, written joined or apart: Abd al-Aziz, Abdel Aziz, Abdul Aziz, Abdoul Aziz. */
const ABD_SPELLINGS = new Set(['abd', 'abdel', 'abdal', 'abdul', 'abdoul', 'abdol', 'abdu', 'abdulla']);
const ABD_CANONICAL = 'abdul';

/**
 * Name particles: articles, "son/daughter of", Dutch/German/Portuguese nobiliary particles. Not words that are also
 * common surnames (Das, Le, Du, Da).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'bin', 'bint', 'ould', 'van', 'von', 'der', 'den', 'del', 'della', 'dos', 'ter',
]);

/** Titles and honorifics written before names (not name words); not those that are also surnames (Major, Lord, King). */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'shaikh', 'sheikh', 'sheik', 'shaykh', 'president', 'mullah',
  'maulvi', 'maulavi', 'mawlawi', 'maulana', 'qari', 'hajji', 'alhaji', 'general', 'gen', 'colonel',
  'col', 'capt', 'admiral', 'minister', 'senator', 'rev', 'reverend',
]);

export interface PersonParts {
  /** Name words compared (particles and titles removed; all tokens when nothing else is left). */
  tokens: string[];
  /** Every token in order with particles canonicalized: for order rules around "bin". */
  chain: string[];
  /** Particles and titles set aside. */
  ignored: string[];
}

export function personParts(tokens: readonly string[]): PersonParts {
  const chain: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = PARTICLE_SPELLINGS[tokens[i]] ?? tokens[i];
    if (t === 'ben' && i > 0 && i < tokens.length - 1) t = 'bin';
    if (ABD_SPELLINGS.has(t)) {
      t = ABD_CANONICAL;
      // "Abd al-Aziz": the article belongs to the compound.
      const next = PARTICLE_SPELLINGS[tokens[i + 1]] ?? tokens[i + 1];
      if (next === 'al' && i + 2 < tokens.length) i++;
    }
    chain.push(t);
  }
  const kept = chain.filter((t) => !NAME_PARTICLES.has(t) && !NAME_TITLES.has(t));
  if (!kept.length) return { tokens: chain, chain, ignored: [] };
  return { tokens: kept, chain, ignored: chain.filter((t) => NAME_PARTICLES.has(t) || NAME_TITLES.has(t)) };
}

/**
 * "X bin Y" says X is the son of Y: the pairs (X, Y) a name states, first names after a particle skipped
 * (Ibrahim bin al-Din → ibrahim, din).
 */
export function filiations(chain: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < chain.length - 1; i++) {
    if (chain[i] !== 'bin' && chain[i] !== 'bint') continue;
    let a = i - 1;
    while (a >= 0 && NAME_PARTICLES.has(chain[a])) a--;
    let b = i + 1;
    while (b < chain.length && NAME_PARTICLES.has(chain[b])) b++;
    if (a >= 0 && b < chain.length) out.push([chain[a], chain[b]]);
  }
  return out;
}

const UNITS: Record<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = table({
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const ORDINALS: Record<string, number> = table({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
});

/** A digit ordinal (1st, 22nd, 3rd, 4th) → its number. */
function digitOrdinal(t: string): number | undefined {
  const m = /^(\d{1,4})(st|nd|rd|th)$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

/** English number words (and ordinals) → digits: Forty-Four, Forty 4, Fourty four → 44; Three → 3; First, 1st → 1. */
export function numberWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const tens = TENS[t];
    if (tens !== undefined) {
      const next = tokens[i + 1];
      const unit = next === undefined ? undefined : UNITS[next] ?? (/^[1-9]$/.test(next) ? Number(next) : undefined);
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(tens + unit));
        i++;
      } else out.push(String(tens));
      continue;
    }
    const n = UNITS[t] ?? ORDINALS[t] ?? digitOrdinal(t);
    out.push(n === undefined ? t : String(n));
  }
  return out;
}

const ROMAN_NUMERAL = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = table({ i: 1, v: 5, x: 10 });

function romanValue(t: string): number {
  let total = 0;
  for (let k = 0; k < t.length; k++) {
    const v = ROMAN_VALUES[t[k]], next = ROMAN_VALUES[t[k + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * Roman numerals after the first word of an organization's or vessel's name are numbers (Fund VII = Fund 7): a
 * series number weighs the same however it is written. A first word stays a word (XI Corp).
 */
export function romanNumerals(tokens: readonly string[], initials: readonly boolean[] = []): string[] {
  return tokens.map((t, i) => (i > 0 && t.length > 0 && !initials[i] && ROMAN_NUMERAL.test(t) ? String(romanValue(t)) : t));
}

/** Written abbreviations of words common in organization names (apostrophes and dots already folded away). */
const ABBREVIATIONS: Record<string, string> = table({
  intl: 'international', natl: 'national', dept: 'department', govt: 'government', univ: 'university', mfg: 'manufacturing',
  assn: 'association', assoc: 'association', bros: 'brothers', svcs: 'services',
  mgmt: 'management', devt: 'development', admin: 'administration',
});

/**
 * A country's formal name inside an organization's name is its short name: Central Bank of the Democratic People's
 * Republic of Korea = Korea Central Bank (stop words are already out: democratic peoples republic korea).
 */
const FORMAL_COUNTRY: readonly [readonly string[], string][] = [
  [['democratic', 'peoples', 'republic', 'korea'], 'korea'],
  [['dprk'], 'korea'],
  [['peoples', 'republic', 'china'], 'china'],
  [['prc'], 'china'],
  [['russian', 'federation'], 'russia'],
  [['islamic', 'republic', 'iran'], 'iran'],
];

export function shortCountryNames(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = FORMAL_COUNTRY.find(([seq]) => seq.every((t, k) => tokens[i + k] === t));
    if (hit) {
      out.push(hit[1]);
      i += hit[0].length;
    } else out.push(tokens[i++]);
  }
  return out;
}

export function expandAbbreviations(tokens: readonly string[]): string[] {
  return tokens.map((t) => ABBREVIATIONS[t] ?? t);
}
