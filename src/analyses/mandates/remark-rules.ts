/**
 * Reading the lists' own narratives (the UN 1718 Committee's reasons for listing, other lists' remarks) as evidence:
 * a sentence that says the listed entity did a kind of conduct becomes an item of that kind, citing the record and
 * quoting the sentence. Patterns are deliberately narrow (conduct words near object words, in one sentence), and the
 * confidence says what such a summary is: the committee's statement, not the underlying evidence.
 */
export interface RemarkRule {
  kind: string;
  pattern: RegExp;
  confidence: number;
  why: string;
}

const near = (a: string, b: string, gap = 80) => new RegExp(`(?:${a})[^.]{0,${gap}}(?:${b})|(?:${b})[^.]{0,${gap}}(?:${a})`, 'i');

export const REMARK_RULES: readonly RemarkRule[] = [
  { kind: 'wmd_trade', pattern: near('procur\\w*|export\\w*|import\\w*|suppl\\w*|sell\\w*|sale\\w*', 'nuclear|ballistic|missile|weapons of mass destruction|\\bWMD\\b'), confidence: 0.6, why: 'procurement, export or supply tied to nuclear, missile or WMD programmes' },
  { kind: 'arms_trade', pattern: /arms dealer|conventional (?:arms|weapons)|arms (?:sales|trade|exports?)|military equipment/i, confidence: 0.6, why: 'arms dealing or arms exports' },
  { kind: 'illicit_finance', pattern: /money laundering|bulk cash|counterfeit\w*|narcotic\w*/i, confidence: 0.6, why: 'money laundering, bulk cash, counterfeiting or narcotics' },
  { kind: 'sectoral_trade', pattern: near('export\\w*|sell\\w*|sale\\w*|ship\\w*|deliver\\w*|transport\\w*', '\\bcoal\\b|iron ore|seafood|textiles?'), confidence: 0.6, why: 'trade in coal, iron ore, seafood or textiles' },
  { kind: 'petroleum_above_cap', pattern: near('ship-to-ship|\\bSTS\\b', 'petroleum|\\boil\\b|fuel', 100), confidence: 0.5, why: 'ship-to-ship transfers of petroleum products (the quantity against the UN cap is not stated)' },
  { kind: 'labor_export', pattern: near('overseas|abroad', 'workers|laborers|labourers|labor|labour', 40), confidence: 0.6, why: 'North Korean workers abroad' },
  { kind: 'cyber_activity', pattern: /cyber\w*|hack\w*|malware|cryptocurrency theft/i, confidence: 0.6, why: 'cyber operations' },
];

/** Words a sentence about the listed party itself may start with (it has no other named subject). */
const GENERIC_STARTS = new Set(['it', 'he', 'she', 'they', 'the', 'this', 'a', 'an', 'its', 'his', 'her', 'has', 'have', 'had', 'is', 'was', 'are', 'were',
  'used', 'registered', 'served', 'serves', 'responsible', 'primarily', 'involved', 'engaged', 'owner', 'operator', 'manager', 'director', 'official',
  'representative', 'chief', 'head', 'president', 'in', 'since', 'as', 'also', 'according', 'subordinate', 'affiliated', 'provides', 'provided']);

/**
 * Whether a sentence is about the listed party: it starts with a generic word, or with a word of the party's name
 * (or acronym). "KOMID was designated ... and is the DPRK's primary arms dealer" in KOREA KUMRYONG TRADING
 * CORPORATION's narrative is about KOMID, and is not read as Kumryong's conduct.
 */
export function aboutSubject(sentence: string, caption: string): boolean {
  const first = /^[^\p{L}]*([\p{L}'’]+)/u.exec(sentence)?.[1]?.toLowerCase().replace(/['’]s$/, '');
  if (!first) return false;
  if (GENERIC_STARTS.has(first)) return true;
  const words = caption.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  return words.some((w) => w.startsWith(first) || first.startsWith(w));
}

/** The sentences of a narrative about the listed party, and the rules each matches. */
export function matchRemarks(text: string, caption = ''): { rule: RemarkRule; sentence: string }[] {
  const out: { rule: RemarkRule; sentence: string }[] = [];
  const sentences = text.split(/(?<=[.;])\s+/).map((x) => x.trim()).filter((x) => x && (!caption || aboutSubject(x, caption)));
  for (const rule of REMARK_RULES) {
    const sentence = sentences.find((x) => rule.pattern.test(x));
    if (sentence) out.push({ rule, sentence: sentence.length > 300 ? `${sentence.slice(0, 297)}...` : sentence });
  }
  return out;
}
