/**
 * What the 180-day look-back rests on, quoted exactly. The brief cites 46 U.S.C. 70022 for "a DPRK port call, or an
 * STS transfer with such a vessel, in the prior 180 days". The staged text of § 70022 (../shared/data/law/
 * usc-title46-sec70022/, chunks 2002-2008) does not say that: its only 180-day language is subsection (b)(2), about a
 * vessel registered by a government that keeps registering a listed vessel more than 180 days after the list is
 * published. The port-call/STS 180-day rule is Executive Order 13810 § 2 (2017-09-20), which is not staged here; the
 * staged statute nearest to it is 22 U.S.C. 9225(c)(1)(B) (enhanced screening of cargo aboard a vessel that entered
 * DPRK waters or ports "within the last 365 days").
 *
 * The quotes below are the staged files' text, character for character (test/maritime/statute.test.ts compares them
 * with the files); every look-back reason carries LOOKBACK_CITATION as its legal evidence.
 */

/** 46 U.S.C. 70022(b), as staged in law/usc-title46-sec70022/chunck-2003.md (the narrow no-break space and footnote marker "1" after "Federal" kept). */
export const USC46_70022_B = 'A vessel referred to in subsection (a) is a foreign vessel for which a notice of arrival is required to be filed '
  + 'under section 70001(a)(5), and that\n\n(1) is on the most recent list of vessels published in Federal\u202F 1 Register under subsection (c)(2); or\n\n'
  + '(2) more than 180 days after the publication of such list, is knowingly registered, pursuant to the 1958 Convention on the High Seas '
  + 'entered into force on September 30, 1962 , by a government the agents or instrumentalities of which are maintaining a registration of '
  + 'a vessel that is included on such list.';

/** 22 U.S.C. 9225(c)(1)(B), as staged in law/usc-title22-ch99/chunck-6939.md. */
export const USC22_9225_C1B = '(B) is aboard a vessel or aircraft, or within a conveyance that has, within the last 365 days, entered the territory '
  + 'or waters of North Korea, or landed in any of the sea ports or airports of North Korea; or';

/** The staged files the quotes come from (relative to the shared data folder). */
export const STAGED_FILES = {
  usc46_70022_b: 'law/usc-title46-sec70022/chunck-2003.md',
  usc22_9225_c: 'law/usc-title22-ch99/chunck-6939.md',
} as const;

export interface LookbackCitation {
  rule: string;
  cited: string;
  stagedText: { section: string; file: string; quote: string }[];
  finding: string;
  source: string;
}

/** The evidence every look-back reason carries: the rule applied, and what the staged law says. */
export const LOOKBACK_CITATION: LookbackCitation = {
  rule: 'a DPRK port call, or a ship-to-ship transfer with a vessel that made one (or a DPRK-flagged vessel), within linkage.lookbackDays (180) before the end of the data',
  cited: '46 U.S.C. 70022 (as cited in the brief)',
  stagedText: [
    { section: '46 U.S.C. 70022(b)', file: STAGED_FILES.usc46_70022_b, quote: USC46_70022_B },
    { section: '22 U.S.C. 9225(c)(1)(B)', file: STAGED_FILES.usc22_9225_c, quote: USC22_9225_C1B },
  ],
  finding: 'The staged 46 U.S.C. 70022 has no port-call or STS look-back: its only 180-day language is (b)(2), registration by a '
    + 'government still registering a listed vessel more than 180 days after the list is published. The 180-day port-call/STS '
    + 'rule is Executive Order 13810 § 2 (2017-09-20; not staged here). The staged statute closest to it is 22 U.S.C. 9225(c)(1)(B), '
    + 'a 365-day look-back for enhanced cargo screening.',
  source: 'Executive Order 13810 § 2, as published by the U.S. Coast Guard (Maritime Commons, 2017-09-28)',
};
