/**
 * The kinds of evidence the mandates analysis understands, as data. A provision's condition names kinds from this
 * table; an evidence item (src/store/evidence.ts) carries exactly one kind. Feeds write the maritime, network and
 * list kinds; analysts may enter any kind with a citation.
 */

export interface EvidenceKindDef {
  kind: string;
  label: string;
  /** Who the subject is: a vessel, a financial institution, or anyone. */
  subject: 'vessel' | 'financial_institution' | 'any';
  /** Whether the item names a counterparty (the other vessel, the designated customer, the owned vessel). */
  counterparty: 'required' | 'optional' | 'none';
  /** Which feed writes it; 'analyst' kinds come only from people, with a citation. */
  feeds: ('maritime' | 'network' | 'list' | 'analyst')[];
  description: string;
}

const k = (kind: string, label: string, subject: EvidenceKindDef['subject'], counterparty: EvidenceKindDef['counterparty'],
  feeds: EvidenceKindDef['feeds'], description: string): EvidenceKindDef => ({ kind, label, subject, counterparty, feeds, description });

export const EVIDENCE_KINDS: readonly EvidenceKindDef[] = [
  // Maritime (chokepoint ais detect events, or analyst entries citing imagery or reports).
  k('sts_transfer', 'Ship-to-ship transfer', 'vessel', 'required', ['maritime', 'list', 'analyst'],
    'The subject vessel met the counterparty vessel at sea long enough to transfer cargo (AIS encounter, imagery, or a report).'),
  k('dprk_port_call', 'DPRK port call', 'vessel', 'none', ['maritime', 'analyst'],
    'The subject vessel entered a DPRK port or DPRK waters (AIS visible or inferred call, or a report).'),
  k('foreign_port_call', 'Foreign port call', 'vessel', 'none', ['maritime', 'analyst'],
    'The subject vessel called at a foreign port named in the item (for the port view of 22 U.S.C. 9225).'),
  k('identity_change', 'Identity or flag change', 'vessel', 'none', ['maritime', 'analyst'],
    'The vessel changed name, MMSI or flag (AIS identity change, or a report).'),
  // Ownership and control (network feed, registries, analysts).
  k('owns', 'Owns', 'any', 'required', ['network', 'analyst'],
    'The subject owns the counterparty (a vessel or company), with the percentage when known.'),
  k('operates', 'Operates or manages', 'any', 'required', ['network', 'list', 'analyst'],
    'The subject operates, manages or is linked by the list to the counterparty vessel.'),
  k('owned_by_designated', 'Owned 50 % or more by designated persons', 'any', 'optional', ['network'],
    'The OFAC 50 % rule over the ownership edges: the subject is blocked by ownership (path in the detail).'),
  k('dprk_owned_vessel', 'Vessel owned, controlled or operated by North Korea', 'vessel', 'optional', ['list', 'analyst'],
    'The vessel is owned, controlled or operated by the Government of North Korea or a North Korean person.'),
  // Conduct (analyst entries with a citation: a UN Panel of Experts paragraph, a court filing, a news report).
  k('wmd_trade', 'WMD-controlled goods trade', 'any', 'optional', ['analyst'], 'Imports or exports WMD-controlled goods, services or technology to or from North Korea.'),
  k('wmd_services', 'WMD-related services or finance', 'any', 'optional', ['analyst'], 'Training, advice, services or significant financial transactions for WMD or delivery systems.'),
  k('luxury_goods', 'Luxury goods to North Korea', 'any', 'optional', ['analyst'], 'Exports or re-exports luxury goods to or into North Korea.'),
  k('censorship', 'Censorship', 'any', 'none', ['analyst'], 'Engages in, is responsible for, or facilitates censorship by the Government of North Korea.'),
  k('human_rights_abuse', 'Serious human rights abuses', 'any', 'none', ['analyst'], 'Engages in, is responsible for, or facilitates serious human rights abuses by the Government of North Korea.'),
  k('illicit_finance', 'Money laundering, counterfeiting, bulk cash, narcotics', 'any', 'optional', ['analyst'], 'Money laundering, counterfeiting, bulk cash smuggling or narcotics trafficking supporting the Government of North Korea.'),
  k('cyber_activity', 'Significant cyber activity', 'any', 'optional', ['analyst'], 'Significant activities undermining cybersecurity on behalf of the Government of North Korea.'),
  k('metals_for_prohibited_use', 'Metals, graphite, coal or software for prohibited uses', 'any', 'optional', ['analyst'], 'Sells, supplies or transfers metals, graphite, coal or software for WMD, the WPK, armed forces, security or prison camps.'),
  k('arms_trade', 'Arms trade', 'any', 'optional', ['analyst'], 'Imports or exports arms or related materiel to or from North Korea.'),
  k('minerals_purchase', 'Gold, ores, metals or rare earths from North Korea', 'any', 'optional', ['analyst'], 'Purchases significant gold, titanium or vanadium ore, copper, silver, nickel, zinc or rare earths from North Korea.'),
  k('aviation_fuel_sale', 'Rocket, aviation or jet fuel to North Korea', 'any', 'optional', ['analyst'], 'Sells or transfers significant rocket, aviation or jet fuel to North Korea.'),
  k('supply_designated_vessel', 'Fuel, supplies or bunkering for a designated vessel', 'any', 'required', ['analyst'], 'Provides fuel, supplies or bunkering, or facilitates transactions, to operate or maintain a designated vessel (or one owned by a designated person).'),
  k('register_dprk_govt_vessel', 'Insures or registers a DPRK government vessel', 'any', 'optional', ['analyst'], 'Insures, registers or maintains insurance or registration for a vessel owned or controlled by the Government of North Korea.'),
  k('correspondent_account_dprk', 'Correspondent account with a North Korean bank', 'any', 'optional', ['analyst'], 'Maintains a correspondent account with a North Korean financial institution.'),
  k('sectoral_trade', 'Coal, textiles, seafood, iron or iron ore trade', 'any', 'optional', ['analyst'], 'Imports from or exports to North Korea significant quantities of coal, textiles, seafood, iron or iron ore.'),
  k('petroleum_above_cap', 'Refined petroleum or crude oil above UN limits', 'any', 'optional', ['analyst'], 'Imports or exports refined petroleum or crude oil to or from North Korea above the UN Security Council limits.'),
  k('sectoral_services', 'Services or technology for sectoral goods', 'any', 'optional', ['analyst'], 'Services or technology related to coal, textiles, seafood, iron, iron ore, petroleum or crude oil trade with North Korea.'),
  k('dprk_funds_transfer', 'Transfer of DPRK government funds or property', 'any', 'optional', ['analyst'], 'Facilitates a significant transfer of funds or property of the Government of North Korea contributing to a UN violation.'),
  k('labor_export', 'Export or employment of North Korean workers', 'any', 'optional', ['analyst'], 'Exports North Korean workers or employs them in a way that generates significant revenue for the Government or the WPK.'),
  k('vessel_sale_to_dprk', 'Sells or transfers vessels to North Korea', 'any', 'optional', ['analyst'], 'Sells or transfers a significant number of vessels to North Korea.'),
  k('vessel_services_dprk_person', 'Charters, insures or registers a North Korean vessel', 'any', 'optional', ['analyst'], 'Charters, insures, registers or maintains registration for a vessel owned, controlled, commanded or crewed by a North Korean person.'),
  k('bribery_embezzlement', 'Bribery or embezzlement involving DPRK officials', 'any', 'optional', ['analyst'], 'Contributes to and participates in bribery of, or embezzlement by or for, an official of the Government of North Korea.'),
  k('financial_services_to_designated', 'Financial services to a designated person', 'financial_institution', 'required', ['analyst'], 'A foreign financial institution provides significant financial services to a person designated with respect to North Korea.'),
  k('employs_dprk_labor', 'Employs North Korean labor', 'any', 'optional', ['analyst'], 'Employs North Korean laborers (the persons 22 U.S.C. 9241(b)(3) asks the State Department to identify).'),
  k('port_facilitation', 'Port facilitates DPRK-linked cargo or vessels', 'any', 'optional', ['analyst'], 'A foreign port or airport operator fails to inspect, or facilitates transfers for, DPRK-linked vessels or cargo.'),
];

export const KIND_BY_NAME: ReadonlyMap<string, EvidenceKindDef> = new Map(EVIDENCE_KINDS.map((d) => [d.kind, d]));
