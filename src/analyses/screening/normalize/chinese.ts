/**
 * Chinese personal names in Wade–Giles (Mao Tse-tung, Hsi Chin-ping: the older romanization, still in older lists and
 * Taiwanese names) and in Hanyu Pinyin (Mao Zedong, Xi Jinping): one syllable key for both. Apostrophes (aspiration
 * marks) are folded away before this, so Wade–Giles p/p', t/t', k/k', ch/ch', ts/ts' fall together; the key therefore
 * merges the pinyin pairs they stand for (b/p, d/t, g/k, zh/ch/j/q, z/c). Used only to pair names words that are
 * otherwise unpaired, never for Korean names (which have their own syllable key).
 */

const INITIALS: readonly [string, string][] = [
  // Longest first. Wade–Giles hs = pinyin x; ts, tz = z/c; ch = zh/ch/j/q; j (WG r) is read as pinyin j.
  ['zh', 'J'], ['ch', 'J'], ['sh', 'S'], ['hs', 'X'], ['ts', 'Z'], ['tz', 'Z'],
  ['b', 'P'], ['p', 'P'], ['m', 'M'], ['f', 'F'], ['d', 'T'], ['t', 'T'], ['n', 'N'], ['l', 'L'], ['g', 'K'], ['k', 'K'], ['h', 'H'],
  ['j', 'J'], ['q', 'J'], ['x', 'X'], ['r', 'R'], ['z', 'Z'], ['c', 'Z'], ['s', 's'], ['y', 'Y'], ['w', 'W'], ['', ''],
];
/** Finals of pinyin and Wade–Giles, with the Wade–Giles spellings mapped to pinyin. */
const FINALS: Record<string, string> = {
  a: 'a', o: 'o', e: 'e', i: 'i', u: 'u', v: 'v', ai: 'ai', ei: 'ei', ao: 'ao', ou: 'ou', an: 'an', en: 'en', ang: 'ang', eng: 'eng',
  ong: 'ong', er: 'er', ia: 'ia', ie: 'ie', iao: 'iao', iu: 'iu', ian: 'ian', in: 'in', iang: 'iang', ing: 'ing', iong: 'iong',
  ua: 'ua', uo: 'uo', uai: 'uai', ui: 'ui', uan: 'uan', un: 'un', uang: 'uang', ue: 'ue',
  // Wade–Giles
  ih: 'i', ieh: 'ie', ien: 'ian', ung: 'ong', iung: 'iong', uei: 'ui', erh: 'er', ueh: 'ue',
};
const FINAL_KEYS = Object.keys(FINALS).sort((a, b) => b.length - a.length);

const cache = new Map<string, string[]>();

/** The keys of the ways a token splits into 1–4 syllables (initial + final), or [] when it does not. */
export function chineseKeys(token: string): string[] {
  let v = cache.get(token);
  if (!v) {
    v = /^[a-z]{1,16}$/.test(token) ? parse(token, 4) : [];
    if (cache.size > 100_000) cache.clear();
    cache.set(token, v);
  }
  return v;
}

function parse(token: string, max: number): string[] {
  const out: string[] = [];
  const walk = (k: number, acc: string[]) => {
    if (out.length >= 4) return;
    if (k === token.length) {
      if (acc.length) out.push(acc.join('-'));
      return;
    }
    if (acc.length >= max) return;
    for (const [ini, key] of INITIALS) {
      if (!token.startsWith(ini, k)) continue;
      for (const fin of FINAL_KEYS) {
        if (!token.startsWith(fin, k + ini.length)) continue;
        acc.push(key + FINALS[fin]);
        walk(k + ini.length + fin.length, acc);
        acc.pop();
      }
    }
  };
  walk(0, []);
  return [...new Set(out)];
}
