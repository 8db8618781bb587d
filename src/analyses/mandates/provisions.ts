/**
 * The mandatory provisions, as reviewable data. Each record cites the U.S. Code text staged under
 * `<shared>/law/` (22 U.S.C. chapter 99 and 46 U.S.C. 70022): the anchor, a quotation that a test checks word for
 * word against the staged chunk (and the loader re-checks at run time), the conduct it covers as a condition over
 * evidence kinds (src/analyses/mandates/evidence-kinds.ts), the action it requires, and the exceptions and waivers
 * it allows. No legal rule lives in code: the evaluator only walks these conditions.
 *
 * Every INDEX.csv row flagged "shall designate", "shall impose" or "shall prohibit" is either named in a
 * provision's `index_files` or listed in OUT_OF_SCOPE with the reason (test/mandates/provisions.test.ts).
 *
 * Review rules of thumb: quote the operative words, not the whole paragraph (the full text is loaded from the
 * staged file by anchor); a derived condition (AIS encounter -> possible supply) carries a strength factor below 1
 * and a note saying what it does not establish.
 */

/** Tests on the counterparty of an evidence item (the other vessel, the designated customer). */
export type CounterpartyTest =
  /** On a held sanctions list (OFAC or UN). */
  | 'designated'
  /** Flying the DPRK flag (list flag 'kp', or an MMSI with the DPRK MID 445). */
  | 'dprk_flagged'
  /** DPRK-related on a held list (programme, UN KP reference, nationality, flag) or DPRK-flagged. */
  | 'dprk_linked'
  /** A tanker by its list vessel type or the evidence detail. */
  | 'tanker';

export type Condition =
  | { any: Condition[] }
  | { all: Condition[] }
  | {
    /** Evidence kinds (any of them). */
    evidence: string[];
    /** Tests on the item's counterparty: all of `all`, and at least one of `any`. */
    counterparty?: { all?: CounterpartyTest[]; any?: CounterpartyTest[] };
    /** Only items marked as an attempt (22 U.S.C. 9214(a)(15)). */
    attempt?: boolean;
    /** Only items dated on or after this day. */
    on_or_after?: string;
    /** Also attribute a vessel's item to whoever owns or operates it (the statute's "directly or indirectly"). */
    attribute_to_owner?: boolean;
    /** How much weaker the item is as evidence of this conduct than as evidence of what it records (0..1]. */
    strength_factor?: number;
    /** What this condition does and does not establish, shown beside every chain it produces. */
    note?: string;
  };

export type ActionKind =
  /** Designate (block) the person: checked against the held U.S. (OFAC) lists. */
  | 'designate'
  /** Impose one or more listed sanctions (e.g. blocking or correspondent-account restrictions): checked against OFAC lists. */
  | 'impose_sanctions'
  /** Put the vessel on the Coast Guard's Federal Register list (46 U.S.C. 70022(c)); that list is not held here. */
  | 'list_vessel'
  /** Identify in a report to Congress (ports, registries). */
  | 'report'
  /** Enhanced screening of cargo (discretionary). */
  | 'screen_cargo';

export interface Exception {
  citation: string;
  summary: string;
}

export interface Provision {
  id: string;
  citation: string;
  /** Where the text is in the staged files (parsed by src/sources/law). */
  anchor: string;
  short_title: string;
  /** Exact words of the staged text at `anchor` (whitespace folded). */
  quote: string;
  /** INDEX.csv chunk files this record encodes. */
  index_files: string[];
  /** 'shall' (true) or 'may' (false). */
  mandatory: boolean;
  /** Whom the provision is about. */
  subject: 'person' | 'person_or_vessel' | 'foreign_financial_institution' | 'vessel' | 'port' | 'flag_registry';
  action: { kind: ActionKind; by: string; text: string };
  /** The statute requires knowledge ("knowingly"); evidence strength is shown, knowledge is never asserted. */
  knowingly: boolean;
  condition: Condition;
  exceptions: Exception[];
  /** A step the statute puts before the mandate (a report identifying the person). */
  prerequisite?: string;
  notes?: string;
}

/** Version of this table; bump it with every change and say what changed in docs/mandates.md. */
export const PROVISIONS_VERSION = '2026-11-28.1';
/** What the quoted text is. */
export const TEXT_AS_OF = 'U.S. Code text as staged (codexstanford markdown chunks, commit of 2023-04-20; current through the FY2020 NDAA amendments)';

const W9228: Exception[] = [
  { citation: '22 U.S.C. 9228(a)', summary: 'Exempt: intelligence activities, UN Headquarters and consular obligations, POW/MIA accounting.' },
  { citation: '22 U.S.C. 9228(b)', summary: 'Humanitarian waiver, renewable periods of 30 days to 1 year, on a written determination to Congress.' },
  { citation: '22 U.S.C. 9228(c)', summary: 'Case-by-case waiver for national security or law enforcement, on a written determination to Congress.' },
];
const UNSC_APPROVAL: Exception = { citation: 'same paragraph', summary: 'Except as specifically approved by the UN Security Council.' };

const F6899 = 'usc-title22-ch99/chunck-6899.md';
const F6905 = 'usc-title22-ch99/chunck-6905.md';
const DESIGNATE = { kind: 'designate' as const, by: 'President', text: 'shall designate (and block under 9214(c)(1))' };

const conduct = (kinds: string[], extra: Partial<Extract<Condition, { evidence: string[] }>> = {}): Condition => ({ evidence: kinds, attribute_to_owner: true, ...extra });

function a(n: number, short: string, quote: string, kinds: string[], more: Partial<Provision> = {}): Provision {
  return {
    id: `22-9214-a-${n}`, citation: `22 U.S.C. 9214(a)(${n})`, anchor: `22 U.S.C. 9214(a)(${n})`, short_title: short, quote,
    index_files: [F6899], mandatory: true, subject: 'person', action: DESIGNATE, knowingly: true,
    condition: conduct(kinds), exceptions: W9228, ...more,
  };
}

function g(path: string, short: string, quote: string, kinds: string[], more: Partial<Provision> = {}): Provision {
  return {
    id: `22-9214-g-${path.replace(/[()]+/g, '-').replace(/^-|-$/g, '').replace(/--/g, '-')}`, citation: `22 U.S.C. 9214(g)${path}`,
    anchor: `22 U.S.C. 9214(g)${path}`, short_title: short, quote, index_files: [F6905], mandatory: true, subject: 'person',
    action: DESIGNATE, knowingly: true, condition: conduct(kinds), exceptions: W9228, ...more,
  };
}

const STS_DESIGNATED_NOTE = 'An AIS encounter with a designated vessel shows the meeting, not the cargo: it is evidence of supplying or servicing that vessel, to be confirmed.';

export const PROVISIONS: readonly Provision[] = [
  a(1, 'WMD-controlled goods', 'imports, exports, or reexports to, into, or from North Korea any goods, services, or technology controlled for export by the United States because of the use of such goods, services, or technology for weapons of mass destruction', ['wmd_trade']),
  a(2, 'WMD services and finance', 'provides training, advice, or other services or assistance, or engages in significant financial transactions, relating to the manufacture, maintenance, or use of any such weapon', ['wmd_services']),
  a(3, 'Luxury goods', 'imports, exports, or reexports luxury goods to or into North Korea', ['luxury_goods']),
  a(4, 'Censorship', 'knowingly engages in, is responsible for, or facilitates censorship by the Government of North Korea', ['censorship']),
  a(5, 'Serious human rights abuses', 'knowingly engages in, is responsible for, or facilitates serious human rights abuses by the Government of North Korea', ['human_rights_abuse']),
  a(6, 'Money laundering, counterfeiting, bulk cash, narcotics', 'engages in money laundering, the counterfeiting of goods or currency, bulk cash smuggling, or narcotics trafficking that supports the Government of North Korea', ['illicit_finance']),
  a(7, 'Cyber activities', 'knowingly engages in significant activities undermining cybersecurity through the use of computer networks or systems against foreign persons, governments, or other entities on behalf of the Government of North Korea', ['cyber_activity']),
  a(8, 'Metals, graphite, coal, software for prohibited uses', 'a significant amount of precious metal, graphite, raw or semi-finished metals or aluminum, steel, coal, or software', ['metals_for_prohibited_use']),
  a(9, 'Arms and related materiel', 'imports, exports, or reexports to, into, or from North Korea any arms or related materiel', ['arms_trade']),
  a(10, 'Gold, ores, metals, rare earths', 'purchases or otherwise acquires from North Korea any significant amounts of gold, titanium ore, vanadium ore, copper, silver, nickel, zinc, or rare earth minerals', ['minerals_purchase']),
  a(11, 'Rocket, aviation or jet fuel', 'sells or transfers to North Korea any significant amounts of rocket, aviation, or jet fuel', ['aviation_fuel_sale'], {
    exceptions: [...W9228, { citation: 'same paragraph', summary: 'Except fuel for a civilian passenger aircraft outside North Korea, consumed on its flight to North Korea or its return flight.' }],
  }),
  a(12, 'Fuel, supplies or services to a designated vessel', 'provides significant amounts of fuel or supplies, provides bunkering services, or facilitates a significant transaction or transactions to operate or maintain, a vessel or aircraft that is designated under an applicable Executive order or an applicable United Nations Security Council resolution', [], {
    subject: 'person_or_vessel',
    condition: {
      any: [
        { evidence: ['supply_designated_vessel'], counterparty: { all: ['designated'] }, attribute_to_owner: true },
        { evidence: ['sts_transfer'], counterparty: { all: ['designated'] }, attribute_to_owner: true, strength_factor: 0.8, note: STS_DESIGNATED_NOTE },
      ],
    },
    notes: 'A vessel is not a person: OFAC identifies vessels as blocked property of their designated owner. The vessel is listed here so the owner can be traced; the owner is the person the mandate names.',
  }),
  a(13, 'Insures or registers a DPRK government vessel', 'insures, registers, facilitates the registration of, or maintains insurance or a registration for, a vessel owned or controlled by the Government of North Korea', ['register_dprk_govt_vessel'], { exceptions: [...W9228, UNSC_APPROVAL] }),
  a(14, 'Correspondent account with a North Korean bank', 'maintains a correspondent account (as defined in section 9221a(d)(1) of this title) with any North Korean financial institution', ['correspondent_account_dprk'], { exceptions: [...W9228, UNSC_APPROVAL] }),
  a(15, 'Attempts', 'knowingly attempts to engage in any of the conduct described in paragraphs (1) through (14)', [], {
    condition: {
      evidence: ['wmd_trade', 'wmd_services', 'luxury_goods', 'censorship', 'human_rights_abuse', 'illicit_finance', 'cyber_activity', 'metals_for_prohibited_use',
        'arms_trade', 'minerals_purchase', 'aviation_fuel_sale', 'supply_designated_vessel', 'register_dprk_govt_vessel', 'correspondent_account_dprk'],
      attempt: true, attribute_to_owner: true,
    },
  }),

  g('(1)(A)(i)(I)', 'Coal, textiles, seafood, iron, iron ore', 'coal, textiles, seafood, iron, or iron ore', ['sectoral_trade']),
  g('(1)(A)(i)(II)', 'Refined petroleum or crude oil above UN limits', 'refined petroleum products or crude oil above limits set by the United Nations Security Council and with which the United States concurs', [], {
    subject: 'person_or_vessel',
    condition: {
      any: [
        { evidence: ['petroleum_above_cap'], attribute_to_owner: true },
        {
          evidence: ['sts_transfer'], counterparty: { all: ['dprk_linked', 'tanker'] }, attribute_to_owner: true, strength_factor: 0.5,
          note: 'An AIS encounter with a DPRK-linked tanker is the typical form of delivery above the UN cap (see the caps table), but AIS shows neither the cargo nor the quantity.',
        },
      ],
    },
  }),
  g('(1)(A)(ii)', 'Services or technology for those goods', 'services or technology related to goods specified in clause (i)', ['sectoral_services']),
  g('(1)(B)', 'Transfers of DPRK government funds or property', 'knowingly facilitates a significant transfer of funds or property of the Government of North Korea that materially contributes to any violation of an applicable United Nations Security Council resolution', ['dprk_funds_transfer']),
  g('(1)(C)', 'Exported North Korean labor', 'engages in, facilitates, or is responsible for the exportation of workers from North Korea, or the employment of such workers, in a manner that generates significant revenue', ['labor_export']),
  g('(1)(D)', 'Vessels sold to North Korea', 'sells or transfers a significant number of vessels to North Korea, except as specifically approved by the United Nations Security Council', ['vessel_sale_to_dprk'], { exceptions: [...W9228, UNSC_APPROVAL] }),
  g('(1)(E)', 'Chartering, insuring, registering North Korean vessels', 'knowingly engages in a significant activity to charter, insure, register, facilitate the registration of, or maintain insurance or a registration for, a vessel owned, controlled, commanded, or crewed by a North Korean person', ['vessel_services_dprk_person']),
  g('(1)(F)', 'Bribery, embezzlement, proceeds', 'knowingly contributes to and participates in', ['bribery_embezzlement'], {
    notes: 'The staged chunk ends this subparagraph with the next subchapter heading; the clauses (i)-(iii) are intact.',
  }),

  {
    id: '22-9221b-a', citation: '22 U.S.C. 9221b(a)', anchor: '22 U.S.C. 9221b(a)', short_title: 'Foreign financial institutions serving designated persons (Otto Warmbier Act)',
    quote: 'The Secretary of the Treasury shall impose one or more of the sanctions described in subsection (b) with respect to a foreign financial institution that the Secretary determines, in consultation with the Secretary of State, knowingly, on or after the date that is 120 days after December 20, 2019, provides significant financial services to any person designated for the imposition of sanctions with respect to North Korea',
    index_files: ['usc-title22-ch99/chunck-6912.md'], mandatory: true, subject: 'foreign_financial_institution',
    action: { kind: 'impose_sanctions', by: 'Secretary of the Treasury', text: 'shall impose one or more of: blocking (b)(1); prohibition or strict conditions on U.S. correspondent or payable-through accounts (b)(2)' },
    knowingly: true,
    condition: { evidence: ['financial_services_to_designated'], counterparty: { all: ['designated'] }, on_or_after: '2020-04-18' },
    exceptions: [...W9228, { citation: '22 U.S.C. 9221b(e)', summary: 'No authority or requirement to sanction the importation of goods.' }],
    notes: '120 days after 2019-12-20 is 2020-04-18: services before that day do not trigger the mandate. "Knowingly" is defined in 9221b(f)(3) as actual knowledge or should have known.',
  },
  {
    id: '22-9229-b', citation: '22 U.S.C. 9229(b)', anchor: '22 U.S.C. 9229(b)', short_title: 'Cyber actors identified in the 9229(a) report',
    quote: 'The President shall designate under section 9214(a) of this title any person identified in the report required under subsection (a)(1) that knowingly engages in significant activities undermining cybersecurity',
    index_files: ['usc-title22-ch99/chunck-6948.md'], mandatory: true, subject: 'person', action: DESIGNATE, knowingly: true,
    condition: conduct(['cyber_activity']), exceptions: W9228,
    prerequisite: 'The person is identified in the report required under 22 U.S.C. 9229(a)(1); the evidence here cannot show that.',
  },
  {
    id: '22-9241b', citation: '22 U.S.C. 9241b(a)-(b)', anchor: '22 U.S.C. 9241b(a)', short_title: 'Foreign persons employing North Korean labor',
    quote: 'the President shall designate any person identified under section 9241(b)(3) of this title for the imposition of sanctions under subsection (b)',
    index_files: ['usc-title22-ch99/chunck-6958.md', 'usc-title22-ch99/chunck-6959.md'], mandatory: true, subject: 'person',
    action: { kind: 'designate', by: 'President', text: 'shall designate and shall impose blocking under IEEPA (9241b(b))' }, knowingly: false,
    condition: conduct(['employs_dprk_labor', 'labor_export']),
    exceptions: [...W9228, { citation: '22 U.S.C. 9241b(c)', summary: 'Not designated if the President certifies reliable assurances (no transfer of value to the Government, wages paid to the workers, decent conditions); recertified every 180 days.' }],
    prerequisite: 'The person is identified under 22 U.S.C. 9241(b)(3); the evidence here cannot show that.',
  },
  {
    id: '22-9243-b', citation: '22 U.S.C. 9243(b)', anchor: '22 U.S.C. 9243(b)', short_title: 'Human rights abusers and censors named in the 9243(a) report',
    quote: 'The President shall designate under section 9214(a) of this title any person listed in the report required under subsection (a)(1)',
    index_files: ['usc-title22-ch99/chunck-6964.md'], mandatory: true, subject: 'person', action: DESIGNATE, knowingly: true,
    condition: conduct(['censorship', 'human_rights_abuse']), exceptions: W9228,
    prerequisite: 'The person is listed in the report required under 22 U.S.C. 9243(a)(1); the evidence here cannot show that.',
  },

  // Ports and flag registries (22 U.S.C. 9225) and the vessel entry ban (46 U.S.C. 70022): evaluated per port,
  // registry and vessel by src/analyses/mandates/ports.ts; findings, not designation gaps.
  {
    id: '22-9225-a-1-A', citation: '22 U.S.C. 9225(a)(1)(A)', anchor: '22 U.S.C. 9225(a)(1)(A)', short_title: 'Report: foreign ports that facilitate DPRK shipping',
    quote: 'identifying the operators of foreign sea ports and airports that knowingly',
    index_files: ['usc-title22-ch99/chunck-6937.md'], mandatory: true, subject: 'port',
    action: { kind: 'report', by: 'President', text: 'shall report to Congress (annually for 5 years after 2017-08-02) identifying the operators' }, knowingly: true,
    condition: { any: [{ evidence: ['port_facilitation'] }, { evidence: ['foreign_port_call', 'sts_transfer'], counterparty: { any: ['designated', 'dprk_linked'] }, strength_factor: 0.5, note: 'A DPRK-linked vessel hosted in or near a port is evidence for the report, not a finding about the operator.' }] },
    exceptions: [],
  },
  {
    id: '22-9225-a-1-B', citation: '22 U.S.C. 9225(a)(1)(B)', anchor: '22 U.S.C. 9225(a)(1)(B)', short_title: 'Report: de-registration of DPRK vessels by other countries',
    quote: 'describing the extent to which the requirements of applicable United Nations Security Council resolutions to de-register any vessel owned, controlled, or operated by or on behalf of the Government of North Korea have been implemented by other foreign countries',
    index_files: ['usc-title22-ch99/chunck-6937.md'], mandatory: true, subject: 'flag_registry',
    action: { kind: 'report', by: 'President', text: 'shall report to Congress on foreign de-registration' }, knowingly: false,
    condition: { evidence: ['dprk_owned_vessel', 'identity_change'] }, exceptions: [],
  },
  {
    id: '22-9225-b', citation: '22 U.S.C. 9225(b)', anchor: '22 U.S.C. 9225(b)', short_title: 'Ports the report must name',
    quote: 'The ports of Dandong, Dalian, and any other port in the People’s Republic of China that the President deems appropriate',
    index_files: ['usc-title22-ch99/chunck-6938.md'], mandatory: true, subject: 'port',
    action: { kind: 'report', by: 'President', text: 'each report shall include specific findings on these ports' }, knowingly: false,
    condition: { evidence: ['foreign_port_call', 'sts_transfer', 'port_facilitation'] }, exceptions: [],
  },
  {
    id: '22-9225-c-1-B', citation: '22 U.S.C. 9225(c)(1)(B)', anchor: '22 U.S.C. 9225(c)(1)(B)', short_title: 'Cargo aboard vessels in DPRK waters within 365 days',
    quote: 'is aboard a vessel or aircraft, or within a conveyance that has, within the last 365 days, entered the territory or waters of North Korea, or landed in any of the sea ports or airports of North Korea',
    index_files: ['usc-title22-ch99/chunck-6939.md'], mandatory: false, subject: 'vessel',
    action: { kind: 'screen_cargo', by: 'Secretary of Homeland Security', text: 'may require enhanced screening of cargo bound for or landed in the United States' }, knowingly: false,
    condition: { evidence: ['dprk_port_call'] },
    exceptions: [{ citation: '22 U.S.C. 9225(c)(2)', summary: 'Not for vessels that entered exclusively for humanitarian purposes (9228(b)(3)(B)) or to import food, medicine or supplies for humanitarian needs.' }, ...W9228.slice(1)],
  },
  {
    id: '46-70022-c-1-A', citation: '46 U.S.C. 70022(c)(1)(A), (a)(1)', anchor: '46 U.S.C. 70022(c)(1)(A)', short_title: 'Vessels of North Korean persons: listed, then barred from U.S. waters',
    quote: 'owned or operated by or on behalf of the Government of North Korea or a North Korean person',
    index_files: ['usc-title46-sec70022/chunck-2004.md', 'usc-title46-sec70022/chunck-2002.md'], mandatory: true, subject: 'vessel',
    action: { kind: 'list_vessel', by: 'Secretary (Coast Guard), with the Secretary of State', text: 'shall maintain registration information and periodically publish the vessels in the Federal Register; a listed vessel may not enter or operate in U.S. navigable waters or transfer cargo in U.S. ports (70022(a)(1))' },
    knowingly: false,
    condition: { evidence: ['dprk_owned_vessel'] },
    exceptions: [
      { citation: '46 U.S.C. 70022(a)(2)(A)', summary: 'Secretary of State determination: a cooperating country\'s vessel, national security interest, or no longer registered as described.' },
      { citation: '46 U.S.C. 70022(f)', summary: 'Provisional entry or cargo transfer for the safety of the vessel or persons aboard.' },
      { citation: '46 U.S.C. 70022(g)', summary: 'No restriction of innocent passage or transit passage.' },
    ],
    notes: 'The list applies to foreign vessels over 300 gross tons; tonnage is not checked here. The Federal Register list itself is not held, so listing cannot be checked: these are findings, not gaps.',
  },
  {
    id: '46-70022-b-2', citation: '46 U.S.C. 70022(b)(2), (d)', anchor: '46 U.S.C. 70022(b)(2)', short_title: 'Registries that keep registering listed vessels',
    quote: 'more than 180 days after the publication of such list, is knowingly registered',
    index_files: ['usc-title46-sec70022/chunck-2003.md', 'usc-title46-sec70022/chunck-2005.md'], mandatory: true, subject: 'flag_registry',
    action: { kind: 'report', by: 'Secretary of State', text: 'shall notify the registering government within 30 days (and again within 120 days); 180 days after publication, its vessels are barred' }, knowingly: true,
    condition: { evidence: ['dprk_owned_vessel', 'identity_change'] }, exceptions: [],
  },
];

/** INDEX.csv rows with mandatory wording that no provision above encodes, and why. */
export const OUT_OF_SCOPE: readonly { file: string; citation: string; reason: string }[] = [
  { file: 'usc-title22-ch99/chunck-6908.md', citation: '22 U.S.C. 9221(c)(2)', reason: 'A measure on the jurisdiction of North Korea (special measures under 31 U.S.C. 5318A), not on persons: no evidence about an entity can trigger it.' },
  { file: 'usc-title22-ch99/chunck-6918.md', citation: '22 U.S.C. 9221c(a)', reason: 'A standing prohibition on foreign entities owned or controlled by U.S. financial institutions, enforced by penalties, not a designation of the persons who deal with them.' },
  { file: 'usc-title22-ch99/chunck-6927.md', citation: '22 U.S.C. 9223(b)', reason: 'Withholding of foreign assistance from governments that trade defense articles with North Korea: about governments and aid, not designations.' },
];

export const PROVISION_BY_ID: ReadonlyMap<string, Provision> = new Map(PROVISIONS.map((p) => [p.id, p]));

/** The look-back windows shown beside each vessel, with where each comes from. */
export const LOOKBACKS = {
  screening: {
    days: 180,
    label: '180-day look-back',
    basis: 'A 180-day screening window this workbench applies to DPRK port calls and ship-to-ship transfers. The staged text of 46 U.S.C. 70022 contains no port-call look-back: its only 180-day period is in 70022(b)(2) (registration more than 180 days after the vessel list is published). Treat the window as a policy choice, not a statutory rule, until its source is verified.',
  },
  inspection: {
    days: 365,
    label: '365-day look-back',
    basis: '22 U.S.C. 9225(c)(1)(B): cargo aboard a vessel that entered North Korean territory, waters or ports within the last 365 days.',
  },
} as const;
