import { ALGORITHM } from '../../analyses/screening/match.js';
import { SCREENING_PARAMS as P } from '../../analyses/screening/params.js';

/**
 * What each explanation key of the screening model means, with the parameter that sets its weight (yente's
 * FeatureDocs). The keys are those score.ts writes; the coefficients are read from SCREENING_PARAMS.
 */
export const FEATURE_DOCS: Record<string, { description: string; coefficient: number }> = {
  name_match: {
    description: 'Best pair of names (name, alias, previousName, weakAlias) aligned token by token: typo budgets by word length, '
      + `phonetic keys, initials; each token left over on one side weighs ${P.conflictWeight}, a differing number ${P.numberConflictWeight}. `
      + `"X bin Y" against "Y bin X" (father and son) takes off ${P.filiationReversedPenalty}. The base of the score.`,
    coefficient: 1,
  },
  korean_name_key: { description: 'Korean names whose canonical syllable keys meet (RI Yong Gil = Lee Young-kil = 리영길) score at least this.', coefficient: P.koreanKeyScore },
  weak_alias: { description: 'The best name was a weak alias (OFAC weak a.k.a., UN low-quality alias): the score is multiplied by this.', coefficient: P.weakAliasFactor },
  legal_form_mismatch: {
    description: `Legal forms both given and different: subtracted; ${P.strictLegalFormMismatchPenalty} when they are distinct kinds of legal person (AG / GmbH, ANO / LLC, SA / BV).`,
    coefficient: -P.legalFormMismatchPenalty,
  },
  number_mismatch: {
    description: `Numbers in the names differ (series, years, branch numbers): subtracted; ${P.numberOneSidedPenalty} when an organization's number is on one side only (Solutions II / Solutions).`,
    coefficient: -P.numberMismatchPenalty,
  },
  identifier_match: { description: 'A globally unique identifier in common (IMO, MMSI, SWIFT/BIC) lifts the score to at least this.', coefficient: P.uniqueIdentifierScore },
  document_match: { description: `A shared document or registration number, when the names score at least ${P.documentMinName}: added.`, coefficient: P.documentBonus },
  birth_date: { description: `Birth dates agree at the precision both give: added; differ in the year: ${-P.birthDateMismatchPenalty}.`, coefficient: P.birthDateMatchBonus },
  country: { description: 'Countries (nationality, citizenship, jurisdiction, flag, country) both given and disjoint: subtracted.', coefficient: -P.countryMismatchPenalty },
  gender: { description: 'Genders both given and different: subtracted.', coefficient: -P.genderMismatchPenalty },
  schema_mismatch: { description: 'The query and the entity cannot be the same kind of thing (a Vessel is never a Person): score 0.', coefficient: 0 },
};

export const ALGORITHMS = [{ name: ALGORITHM.name, description: ALGORITHM.description, features: FEATURE_DOCS }];
