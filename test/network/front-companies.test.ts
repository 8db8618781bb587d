import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../../src/model/entity.js';
import type { ImportedRow, MatchRow } from '../../src/store/datasets.js';
import { buildNetwork } from '../../src/analyses/network/network.js';
import { exactNames, rankFrontCompanies } from '../../src/analyses/network/front-companies.js';
import { combineTies, FRONT_COMPANY_RULES } from '../../src/analyses/network/front-company-rules.js';

const listed = (id: string, schema: Entity['schema'], name: string, properties: Entity['properties'] = {}): Entity => ({
  id, schema, caption: name, referents: [id], datasets: ['us_ofac_sdn'], topics: ['sanction'], properties: { name: [name], ...properties },
  records: [{ id, source: 'ofac', dataset: 'us_ofac_sdn', version: 'ofac@2024-05-03' }], sanctions: [], links: [], dprk: [], merge: [], listed: [],
});
const row = (id: string, schema: string, properties: Record<string, string[]>): ImportedRow => ({
  dataset: 'fx', id, schema, caption: properties.name?.[0] ?? id, properties, line: null,
});
const own = (id: string, owner: string, asset: string, pct: number) => row(id, 'Ownership', { owner: [owner], asset: [asset], percentage: [String(pct)] });
const dir = (id: string, director: string, organization: string) => row(id, 'Directorship', { director: [director], organization: [organization] });
const match = (id: string, entity: string): MatchRow => ({ dataset: 'fx', id, entity_id: entity, rule: 'name_and_country', score: 1, used: true, detail: {} });

// The fixture: designated D1 (company, street address, phone), D2 (person), V1 (designated vessel).
const L = [
  listed('D1', 'Company', 'ALPHA DESIGNATED TRADING', { address: ['7 Haebang Street, Pyongyang'], phone: ['+850 2 18111'], email: ['alpha@star-kp.com'] }),
  listed('D2', 'Person', 'PAK Designated'),
  listed('V1', 'Vessel', 'DESIGNATED SHIP', { imoNumber: ['9000001'] }),
];
const rows: ImportedRow[] = [
  // C1: former name = D1's, director is (matched to) D2, owns V1 through its imported record, shares D1's e-mail.
  row('C1', 'Company', { name: ['Nova Star Ltd'], previousName: ['Alpha Designated Trading'], email: ['ALPHA@star-kp.com'] }),
  row('P2', 'Person', { name: ['Pak Designated'] }),
  row('Vx', 'Vessel', { name: ['Designated Ship'], imoNumber: ['9000001'] }),
  dir('d1', 'P2', 'C1'), own('o1', 'C1', 'Vx', 100),
  // C2: shares D1's street address and phone; owns a vessel seen in a maritime event.
  row('C2', 'Company', { name: ['Harbour Light Co'], address: ['7, Haebang Street; Pyongyang'], phone: ['850-2-18111'] }),
  row('V9', 'Vessel', { name: ['Quiet Star'], imoNumber: ['9111112'], mmsi: ['457000001'] }),
  own('o2', 'C2', 'V9', 100),
  // C3: shares an officer (P3) with D1 (an imported record matched to D1).
  row('C3', 'Company', { name: ['Blue Field Ltd'] }), row('D1x', 'Company', { name: ['Alpha Designated Trading'] }),
  row('P3', 'Person', { name: ['Officer Three'] }), dir('d2', 'P3', 'C3'), dir('d3', 'P3', 'D1x'),
  // C4: one shared address only: below the reporting score.
  row('C4', 'Company', { name: ['Lonely Tenant Ltd'], address: ['7 Haebang Street, Pyongyang'] }),
  // C5: blocked by ownership (not ranked), C6: no tie at all.
  row('C5', 'Company', { name: ['Owned Fully Ltd'] }), own('o3', 'D1', 'C5', 100),
  row('C6', 'Company', { name: ['Unrelated Ltd'] }),
];
const net = buildNetwork({
  listed: L, versions: ['ofac@2024-05-03'], datasets: [{ name: 'fx', origin: 't', sha256: '', imported_at: '2026-01-01T00:00:00Z', counts: {}, rejected: [] }],
  rows, matches: [match('P2', 'D2'), match('Vx', 'V1'), match('D1x', 'D1')],
  blocked: [{ id: 'C5', dataset: 'fx', aggregate: 100, round: 1, contributions: [], paths: [] }],
});
const names = exactNames(L.map((e) => [e.caption, e.id]));
const events = [{ id: 'run1/7', type: 'encounter', mmsi: [457000001, 445000002], imo: [], start: '2024-03-01T00:00:00Z' }];

test('combineTies: noisy-OR of the weights, at most `max` of a kind', () => {
  const w = FRONT_COMPANY_RULES.ties;
  assert.equal(combineTies([]), 0);
  assert.equal(combineTies(['shared_address']), w.shared_address.weight);
  assert.equal(combineTies(['former_designated_name', 'owns_designated_vessel']), 0.8);
  // shared_address counts twice at most.
  assert.equal(combineTies(['shared_address', 'shared_address', 'shared_address']), combineTies(['shared_address', 'shared_address']));
  for (const [k, r] of Object.entries(w)) {
    assert.ok(r.weight > 0 && r.weight < 1, k);
    assert.ok(r.rationale.length > 20, k);
  }
});

test('the ranking on the fixture: order, scores, evidence per tie', () => {
  const r = rankFrontCompanies(net, { rows, designatedName: (n) => names(n), events });
  assert.deepEqual(r.candidates.map((c) => c.id), ['C1', 'C2', 'C3']);
  const [c1, c2, c3] = r.candidates;
  // C1: 1 - (1-0.6)(1-0.55)(1-0.5)(1-0.35)
  assert.deepEqual(c1.ties.map((t) => t.kind), ['former_designated_name', 'designated_officer', 'owns_designated_vessel', 'shared_email']);
  assert.equal(c1.score, Math.round((1 - 0.4 * 0.45 * 0.5 * 0.65) * 1000) / 1000);
  const officer = c1.ties.find((t) => t.kind === 'designated_officer')!;
  assert.deepEqual([officer.designated?.id, officer.via?.id, officer.evidence.record], ['D2', 'P2', 'fx:d1']);
  const vessel = c1.ties.find((t) => t.kind === 'owns_designated_vessel')!;
  assert.deepEqual([vessel.designated?.id, vessel.via?.id, vessel.evidence.value], ['V1', 'Vx', '100 %']);
  const email = c1.ties.find((t) => t.kind === 'shared_email')!;
  assert.equal(email.evidence.record, 'fx:C1');
  assert.equal(email.evidence.version, 'fx@2026-01-01T00:00:00Z');
  // C2: phone 0.3, address 0.2, vessel in a maritime event 0.2.
  assert.deepEqual(c2.ties.map((t) => t.kind).sort(), ['shared_address', 'shared_phone', 'vessel_in_maritime_event']);
  assert.equal(c2.score, Math.round((1 - 0.7 * 0.8 * 0.8) * 1000) / 1000);
  const ev = c2.ties.find((t) => t.kind === 'vessel_in_maritime_event')!;
  assert.equal(ev.evidence.event?.id, 'run1/7');
  assert.equal(ev.via?.id, 'V9');
  // C3: an officer in common with D1 (through D1x, matched to D1).
  assert.deepEqual(c3.ties.map((t) => [t.kind, t.designated?.id, t.via?.id]), [['common_officer', 'D1', 'P3']]);
  assert.equal(c3.score, 0.35);
  // Not ranked: C4 (0.2 < minScore), C6 (no tie), C5 (blocked), D1x (designated by match), persons and vessels.
  assert.deepEqual(r.blockedByOwnership, ['C5']);
  assert.equal(r.considered, 6);
});

test('without events the maritime tie is absent; changing a weight (data) changes the ranking', () => {
  const r = rankFrontCompanies(net, { rows, designatedName: (n) => names(n) });
  assert.ok(!r.candidates.some((c) => c.ties.some((t) => t.kind === 'vessel_in_maritime_event')));
  const rules = structuredClone(FRONT_COMPANY_RULES);
  rules.ties.common_officer.weight = 0.99;
  const r2 = rankFrontCompanies(net, { rows, designatedName: (n) => names(n), rules });
  assert.equal(r2.candidates[0].id, 'C3');
});
