/**
 * How an imported entity is matched to a listed one, as named data. An imported file (a company registry, a leak)
 * names parties in its own way; the 50 % rule needs to know which of them ARE the designated parties, and a wrong
 * "yes" would block an innocent company. So a match is USED (the imported entity counts as the listed one) only on
 * strong evidence; weaker ones are reported as possible matches for a person to review and change nothing.
 *
 * Order (first rule that holds wins):
 * 1. explicit_reference: the file names the listed entity by its id or a referent (`ofac-9345`, `un-KPe.001`).
 * 2. unique_identifier: an IMO number, MMSI or SWIFT/BIC in common (globally unique registries; the same kinds the
 *    screening model scores 0.99: screening/identifiers.ts UNIQUE_IDENTIFIER_KINDS).
 * 3. name_and_country: the screening model scores the names at least `nameScore` AND both sides state a country and
 *    the countries meet. A name alone is not enough: "KOREA KUMRYONG TRADING" may be several companies.
 * 4. possible: the screening model scores at least `possibleScore` without the rest: reported, not used.
 */
export const MATCH_RULES = {
  /** Screening score from which names are the same for rule 3 (above the 0.7 screening threshold: a decision, not an alert). */
  nameScore: 0.9,
  /** Screening score from which a match is reported for review (the screening threshold). */
  possibleScore: 0.7,
  /** Candidates per imported entity scored by the screening model. */
  limit: 5,
  /** Schemata matched at all (FtM "matchable" legal entities and vessels). */
  schemata: ['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel', 'Aircraft'] as const,
} as const;

export type MatchRule = 'explicit_reference' | 'unique_identifier' | 'name_and_country' | 'possible';
