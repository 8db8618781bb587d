/**
 * Function words dropped from organisation names for the core name: English, and the unambiguous French,
 * Spanish, German and Dutch articles and conjunctions common in company names. Short words that are also
 * Chinese or Korean syllables (de, da, do, la, le, an, e, i ...) are kept, since transliterated Han and Hangul
 * names produce them. Van and der are name particles (Vanderbilt / Van der Bilt), not dropped. Persons keep every word.
 */
export const ORG_STOPWORDS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'for', 'et', 'des', 'du', 'les', 'el', 'los', 'las', 'die', 'das', 'und', 'het',
]);

export function isStopword(token: string): boolean {
  return ORG_STOPWORDS.has(token);
}
