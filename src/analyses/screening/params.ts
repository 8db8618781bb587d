/**
 * Every number the screening model uses, as named data with the reason for its value. Overridable per request
 * through the yente `weights`/`config` fields (see match.ts). Values were tuned on the project's own DPRK
 * test set and general name-variation cases, then checked (not tuned row by row) against the labelled benchmark.
 */
export const SCREENING_PARAMS = {
  /** Default decision threshold (yente's default, pinned in the API). */
  threshold: 0.7,
  /**
   * Typo budget: edits a word of up to N characters may differ by and still be the same word misspelt
   * ([max length, edits], ascending). Beyond it two words are different names, however alike they look
   * (Federer / Federman, Castro / Castillo).
   */
  typoBudget: [[3, 0], [5, 1], [9, 2], [1000, 3]] as readonly (readonly [number, number])[],
  /** A single-letter token that is the other token's first letter (an initial). */
  initialSimilarity: 0.75,
  /** A customary short form of a given name (Ted / Theodore, Bibi / Benjamin; normalize/nicknames.ts). */
  nicknameSimilarity: 0.85,
  /** Tokens equal once doubled letters are written once (Mohammed / Mohamed, Jong-uun / Jong-un): a common slip. */
  doubledLetterSimilarity: 0.9,
  /** A word with this many letters or more added at its end is another, derived name (Mohammad / Mohammadzai), not a typo. */
  derivedSuffixLength: 3,
  /** Transliteration variants of a letter (j / y, w / v, ou / u; forms.ts) cost this much of an edit, once per token pair. */
  variantEditCost: 0.5,
  /** Words of a Chinese name that read as the same syllables in Wade–Giles and pinyin (Tse-tung / Zedong; normalize/chinese.ts). */
  romanizationSimilarity: 0.9,
  /** An organization's acronym against the words it abbreviates (PLA / People's Liberation Army, US / United States). */
  acronymSimilarity: 0.85,
  /**
   * In person names, a word or initial left over on each side counts as at least this many letters: Mir / Wali and
   * W. / G. contradict as much as two long names (otherwise the shorter a contradicting word, the less it counts).
   */
  personConflictMinLength: 4,
  /** Tokens that sound alike (same Double Metaphone key) but are spelled apart: Si / Xi, Jonson / Johnson. */
  phoneticSimilarity: 0.85,
  /** Words shorter than this are not compared by sound: Kim / Kami are not one name. */
  phoneticMinLength: 4,
  /** Weight of a token left over on each side (names that say different things: a different surname). */
  conflictWeight: 3,
  /**
   * Weight of a number left over on each side (Fund 7 / Fund 8): a sibling in a series is a weaker contradiction than
   * a different word. With numberMismatchPenalty, a long name differing only in its series number stays a hit to
   * review (same sponsor, same fleet); a short one whose number is most of the name does not (Office 38 / Office 39).
   */
  numberConflictWeight: 1.5,
  /** Weight of a token only one side has (a middle name or patronymic), once enough tokens agree. */
  extraTokenWeight: 0.2,
  /** The same for organizations and vessels, whose extra words qualify the name (Banco Santander México). */
  extraOrgTokenWeight: 1,
  /** Edits allowed between two names written together without spaces (FridrichBuchenberg ~ Friedrich Buchenberg). */
  joinedEdits: 1,
  /** Legal forms both given and different (AG / GmbH, ANO / LLC): often different legal entities. */
  legalFormMismatchPenalty: 0.1,
  /** Legal forms of distinct kinds of legal person both given and different (AG / GmbH, ANO / LLC, SA / BV). */
  strictLegalFormMismatchPenalty: 0.35,
  /** "X bin Y" against "Y bin X": the same two names, father and son swapped — two persons of one family (off the name score). */
  filiationReversedPenalty: 0.4,
  /**
   * An organization's number (series, fund, branch: Solutions II, Management Company 23) on one side only: a numbered
   * member of a series and the unnumbered parent are distinct entities. Not vessels (reports drop their numbers).
   * Reported under number_mismatch.
   */
  numberOneSidedPenalty: 0.3,
  /** Same syllabic script (Han, Hangul, kana): weight of each differing character against the agreeing ones. */
  syllableConflictWeight: 1.5,
  /** How many tokens must agree before extra tokens count lightly. */
  lenientExtraAfter: 2,
  /** Tokens up to this long in two Korean names are syllables: no typo tolerance between them. */
  koreanSyllableMaxLength: 5,
  /** Korean names whose canonical syllable keys meet (Ri Yong Gil = Lee Young-kil = 리영길). */
  koreanKeyScore: 0.95,
  /** A weak alias (OFAC "weak a.k.a.", UN low-quality alias) is a weaker name. */
  weakAliasFactor: 0.9,
  /** A globally unique identifier (IMO, MMSI, SWIFT/BIC) in common. */
  uniqueIdentifierScore: 0.99,
  /** A shared document number (passport, national ID, registration) adds this, when the names are at least similar. */
  documentBonus: 0.15,
  documentMinName: 0.5,
  /** Birth dates both given and agreeing / disagreeing. */
  birthDateMatchBonus: 0.05,
  birthDateMismatchPenalty: 0.2,
  /** Countries (nationality, citizenship, jurisdiction, flag, address country) both given and disjoint. */
  countryMismatchPenalty: 0.1,
  /** Genders both given and different. */
  genderMismatchPenalty: 0.15,
  /** Numbers in names (series, years, branch numbers) that differ: 'Trust 2004-1' vs 'Trust 2004-2'. */
  numberMismatchPenalty: 0.1,
  /** How many candidates the cheap pre-score passes to full scoring. */
  candidates: 60,
} as const;

type Widen<T> = T extends number ? number : T;
export type ScreeningParams = { -readonly [K in keyof typeof SCREENING_PARAMS]: Widen<(typeof SCREENING_PARAMS)[K]> };
