import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedDataDir } from '../../src/config/paths.js';
import { freshPglite } from '../helpers/db.js';
import { update } from '../../src/ingest/update.js';
import { loadDesignations, type ListPressure } from '../../src/analyses/timeline/designations.js';
import { actionsOfBasis, additionsOf, groupActions, type DesignationAction, type HeldVersion, type RecordHistory } from '../../src/analyses/timeline/designation-actions.js';
import { basisOf } from '../../src/analyses/timeline/relatedness.js';
import { isTagReason, recordDprkReasons } from '../../src/model/dprk.js';

const mirror = join(sharedDataDir(), 'lists');

function action(p: ListPressure, list: string, date: string): DesignationAction {
  const a = p.actions.find((x) => x.list === list && x.date === date);
  assert.ok(a, `no ${list} action on ${date}`);
  return a;
}

// ---- pure rules -------------------------------------------------------------------------------------------------

const VERSIONS: HeldVersion[] = [
  { label: 'x@2021-01-01', published: '2021-01-01' },
  { label: 'x@2021-02-01', published: '2021-02-01' },
  { label: 'x@2021-03-01', published: '2021-03-01' },
];

function history(over: Partial<RecordHistory>): RecordHistory {
  return {
    list: 'x_list', source: 'x', record: 'x-1', entity: 'x-1', caption: 'ONE', schema: 'Organization', programs: ['DPRK3'],
    reasons: [{ kind: 'program', detail: 'DPRK3', record: 'x-1', strong: true }], span: null, changeLog: [], ...over,
  };
}

test('dating rules: stated day > change log > version interval; first version = initial state, not an action', () => {
  const problems: never[] = [];
  const initial = additionsOf(history({ span: { first: '2021-01-01', last: '2021-03-01' } }), VERSIONS, problems);
  assert.deepEqual(initial.map((a) => [a.precision, a.date]), [['on_or_before', '2021-01-01']]);

  const between = additionsOf(history({ span: { first: '2021-02-01', last: '2021-03-01' } }), VERSIONS, problems);
  assert.deepEqual(between.map((a) => [a.precision, a.after, a.date, a.evidence[0].source]), [['between', '2021-01-01', '2021-02-01', 'version_diff']]);

  // A change-log row inside the version interval narrows it; the version diff stays as corroborating evidence.
  const row = { origin: 'log.csv', date: '2021-01-15', previous_date: '2021-01-14', change: 'added', name: 'ONE', program: 'DPRK3' };
  const narrowed = additionsOf(history({ span: { first: '2021-02-01', last: '2021-03-01' }, changeLog: [row] }), VERSIONS, problems);
  assert.equal(narrowed.length, 1);
  assert.deepEqual([narrowed[0].after, narrowed[0].date], ['2021-01-14', '2021-01-15']);
  assert.deepEqual(narrowed[0].evidence.map((e) => e.source), ['change_log', 'version_diff']);

  // A stated day wins over the versions: present in the first version, but LISTED_ON says when.
  const stated = additionsOf(history({ span: { first: '2021-01-01', last: '2021-03-01' }, listDate: { value: '2016-03-02', field: 'LISTED_ON', version: 'x@2021-03-01' } }), VERSIONS, problems);
  assert.deepEqual(stated.map((a) => [a.precision, a.date]), [['exact', '2016-03-02']]);

  // Nothing ties it to the DPRK: no addition at all.
  assert.deepEqual(additionsOf(history({ reasons: [] }), VERSIONS, problems), []);
  assert.deepEqual(problems, []);

  const { actions, initialState } = groupActions([...initial, ...between], new Map([['x_list', VERSIONS]]));
  assert.deepEqual(actions.map((a) => a.date), ['2021-02-01']);
  assert.equal(initialState[0].on_or_before, '2021-01-01');
});

test('a record DPRK-related only through another record, or an OFAC NKSR remark, is flagged (basis related)', () => {
  assert.equal(basisOf('ofac-1', [{ kind: 'un_reference', detail: 'KPe.001', record: 'un-KPe.001', strong: true }]), 'related');
  assert.equal(basisOf('ofac-1', [{ kind: 'program', detail: 'DPRK2', record: 'ofac-1', strong: true }]), 'program');
  assert.equal(basisOf('ofac-1', []), null);
  const r = recordDprkReasons({
    id: 'ofac-34457', source: 'ofac', recordId: '34457', schema: 'Organization', caption: 'X', properties: {}, links: [],
    sanctions: [{ authority: 'OFAC', programs: ['NPWMD'], provisions: ['Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210'] }],
  });
  assert.equal(r[0].kind, 'dprk_regulations');
  assert.equal(basisOf('ofac-34457', r), 'related');
});

// ---- the staged lists -------------------------------------------------------------------------------------------

test('designation actions from the staged lists', async (t) => {
  const db = await freshPglite();
  try {
    await update(db, { mirror });
    const p = await loadDesignations(db);

    await t.test('2022-01-12 OFAC: the 8 entries absent from the 2022-01-10 version, all NPWMD, DPRK-related by nationality and NKSR remark', () => {
      // Checked by hand on the version files (ofac/2022-01-10/sdn.csv, ofac/2022-01-12/sdn.csv):
      //   cut -d, -f1 2022-01-10/sdn.csv | sort > a; cut -d, -f1 2022-01-12/sdn.csv | sort > b; comm -13 a b
      //   -> 27207 27208 27209 27211 27212 34456 34457 34458 (comm -23: nothing removed).
      //   grep -a -E '^(27207|…|34458),' 2022-01-12/sdn.csv: Program is "NPWMD" on all 8 — NONE is DPRK-tagged;
      //   6 say "nationality Korea, North"; all 8 say "Secondary sanctions risk: North Korea Sanctions Regulations".
      // (Treasury's action of that day answered the January 2022 missile launches under E.O. 13382.)
      const a = action(p, 'us_ofac_sdn', '2022-01-12');
      const ids = ['ofac-27207', 'ofac-27208', 'ofac-27209', 'ofac-27211', 'ofac-27212', 'ofac-34456', 'ofac-34457', 'ofac-34458'];
      assert.deepEqual(a.entities, ids);
      assert.equal(a.date_precision, 'between');
      assert.equal(a.after, '2022-01-10');
      assert.deepEqual(a.programs, ['NPWMD']);
      assert.equal(a.dprk_basis, 'related');
      assert.deepEqual(a.flagged, ids);
      const byNationality = ids.filter((id) => a.dprk_reasons[id].some((r) => r.kind === 'nationality' && r.detail === 'kp'));
      assert.deepEqual(byNationality, ['ofac-27207', 'ofac-27208', 'ofac-27209', 'ofac-27211', 'ofac-27212', 'ofac-34456']);
      assert.ok(ids.every((id) => a.dprk_reasons[id].some((r) => r.kind === 'dprk_regulations' && /North Korea Sanctions Regulations/.test(r.detail))));
      assert.ok(ids.every((id) => !a.dprk_reasons[id].some(isTagReason)), 'no DPRK tag on any of them');
      assert.equal(a.records['ofac-34458'].caption, 'PARSEK LLC');
      for (const id of ids) {
        const ev = a.evidence.filter((e) => e.record === id);
        assert.deepEqual(ev.map((e) => e.source).sort(), ['change_log', 'version_diff'], id);
        const diff = ev.find((e) => e.source === 'version_diff');
        assert.deepEqual(diff && diff.source === 'version_diff' && [diff.absent_in, diff.present_in], ['ofac@2022-01-10', 'ofac@2022-01-12']);
        const log = ev.find((e) => e.source === 'change_log');
        assert.deepEqual(log && log.source === 'change_log' && [log.date, log.previous_date, log.program], ['2022-01-12', '2022-01-10', 'NPWMD']);
      }
      assert.equal(a.administration, 'Joe Biden');
      // With only DPRK-tagged records counted, the action disappears.
      assert.ok(!actionsOfBasis(p.actions, 'program').some((x) => x.list === 'us_ofac_sdn' && x.date === '2022-01-12'));
    });

    await t.test('2021-12-10 OFAC: 9 DPRK-tagged additions between two held daily versions', () => {
      // comm -13 on the ent_nums of ofac/2021-12-09 and ofac/2021-12-10 gives 25 new entries; 9 carry a DPRK tag
      // (30184 DPRK2, 33936 DPRK2, 31042 34020-34025 DPRK3).
      const a = action(p, 'us_ofac_sdn', '2021-12-10');
      assert.deepEqual(a.entities, ['ofac-30184', 'ofac-31042', 'ofac-33936', 'ofac-34020', 'ofac-34021', 'ofac-34022', 'ofac-34023', 'ofac-34024', 'ofac-34025']);
      assert.deepEqual(a.programs, ['DPRK2', 'DPRK3']);
      assert.equal(a.dprk_basis, 'program');
      assert.deepEqual(a.flagged, []);
      assert.ok(a.entities.every((id) => a.dprk_reasons[id].some((r) => r.kind === 'program' && r.record === id && /^DPRK/.test(r.detail))));
    });

    await t.test('UN LISTED_ON: 2017-12-22 (resolution 2397) and 2016-03-02 (2270), exact', () => {
      // In un/2018-10-29/consolidated.xml, KP entries with <LISTED_ON>2017-12-22: KPi.064-KPi.079 and KPe.054;
      // with 2016-03-02: KPi.013-KPi.028 and KPe.021-KPe.032 (python xml.etree over INDIVIDUAL/ENTITY).
      const a = action(p, 'un_sc_sanctions', '2017-12-22');
      const expected = [...Array.from({ length: 16 }, (_, i) => `un-KPi.0${64 + i}`), 'un-KPe.054'].sort();
      assert.deepEqual(a.entities, expected);
      assert.equal(a.date_precision, 'exact');
      assert.equal(a.after, undefined);
      assert.deepEqual(a.programs, ['DPRK']);
      assert.ok(a.entities.every((id) => a.dprk_reasons[id].some((r) => r.kind === 'un_reference' && r.record === id)));
      assert.ok(a.evidence.every((e) => e.source === 'list_date' && e.field === 'LISTED_ON' && e.value === '2017-12-22'));
      assert.equal(a.administration, 'Donald Trump');
      const b = action(p, 'un_sc_sanctions', '2016-03-02');
      assert.equal(b.entities.length, 28);
      assert.equal(b.entities.filter((id) => id.startsWith('un-KPe.')).length, 12);
    });

    await t.test('actions per list; the UN has made no DPRK listing since 2018-03-30', () => {
      const perList = (list: string) => p.actions.filter((a) => a.list === list);
      assert.deepEqual(perList('un_sc_sanctions').map((a) => a.date), ['2009-04-24', '2009-07-16', '2012-05-02', '2013-01-22', '2013-03-07', '2014-07-28',
        '2016-03-02', '2016-11-30', '2017-06-02', '2017-08-05', '2017-09-11', '2017-12-22', '2018-03-30']);
      assert.equal(new Set(perList('un_sc_sanctions').flatMap((a) => a.entities)).size, 155);
      assert.equal(perList('us_ofac_sdn').length, 21);
      assert.equal(perList('gb_hmt_sanctions').length, 7);
      assert.equal(new Set(perList('gb_hmt_sanctions').flatMap((a) => a.entities)).size, 63);
      assert.ok(!p.actions.some((a) => a.list === 'us_ofac_cons'), 'the consolidated list holds no DPRK entry');
    });

    await t.test('the first OFAC version is an initial state (on or before 2021-07-07), never an action on that day', () => {
      const s = p.initialState.find((x) => x.list === 'us_ofac_sdn');
      assert.ok(s);
      assert.equal(s.on_or_before, '2021-07-07');
      assert.equal(s.version, 'ofac@2021-07-07');
      assert.equal(s.program_tagged, 414, 'SOURCES.md: 414 DPRK entries in ofac/2021-07-07');
      assert.ok(!p.actions.some((a) => a.date === '2021-07-07'));
      assert.ok(!p.actions.some((a) => a.list === 'us_ofac_sdn' && a.entities.some((id) => s.entities.includes(id))));
    });

    await t.test('every DPRK-tagged addition of the derived OFAC DPRK timeline is an action on its first_seen day', () => {
      const file = join(mirror, 'ofac', 'derived', 'dprk_sdn_timeline_2021-08-18_2024-05-03.csv');
      const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
      const added = rows.filter((r) => r.first_seen_with_dprk_tag > '2021-08-18');
      assert.equal(added.length, 72, 'SOURCES.md: 72 DPRK-tagged entries added in the window');
      for (const r of added) {
        const a = action(p, 'us_ofac_sdn', r.first_seen_with_dprk_tag);
        assert.ok(a.entities.includes(`ofac-${r.ent_num}`), `ofac-${r.ent_num} on ${r.first_seen_with_dprk_tag}`);
        assert.equal(a.records[`ofac-${r.ent_num}`].basis, 'program');
      }
      const tagged = p.actions.filter((a) => a.list === 'us_ofac_sdn').flatMap((a) => a.entities.filter((id) => a.records[id].basis === 'program'));
      assert.equal(tagged.length, 72, 'and no other tagged addition');
    });

    await t.test('coverage: OFAC by versions and change log, UN by stated days, the consolidated list has none', () => {
      const c = (list: string) => p.coverage.find((x) => x.list === list);
      assert.deepEqual(c('us_ofac_sdn')?.range, { first: '2021-07-07', last: '2024-05-03' });
      assert.deepEqual(c('us_ofac_sdn')?.dated_by, ['change_log', 'version_diff']);
      assert.deepEqual(c('us_ofac_sdn')?.change_log?.range, { first: '2021-08-18', last: '2024-05-03' });
      assert.deepEqual(c('un_sc_sanctions')?.dated_by, ['list_date']);
      assert.equal(c('un_sc_sanctions')?.range?.last, '2026-05-08');
      assert.equal(c('us_ofac_cons')?.range, null);
      assert.deepEqual(p.problems, []);
    });
  } finally {
    await db.close();
  }
});
