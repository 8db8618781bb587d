import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../../src/config/paths.js';
import { freshPglite } from '../helpers/db.js';
import { update } from '../../src/ingest/update.js';
import { currentVersions, listVersions, importLog } from '../../src/store/versions.js';
import { getEntity } from '../../src/store/entities.js';
import { diffVersions } from '../../src/analyses/deltas/diff.js';
import { toFtm } from '../../src/model/ftm.js';

const mirror = join(sharedDataDir(), 'lists');

test('the staged official lists: every version in, deltas, merges, DPRK reasons, bad input refused', async (t) => {
  const db = await freshPglite();
  try {
    const report = await update(db, { mirror });

    await t.test('every staged OFAC, UN and UK version is imported; the partial OFAC folder is refused', async () => {
      const versions = await listVersions(db);
      const labels = versions.map((v) => `${v.source}@${v.version}`);
      for (const v of ['ofac@2021-07-07', 'ofac@2021-08-18', 'ofac@2021-12-09', 'ofac@2021-12-10', 'ofac@2022-01-10', 'ofac@2022-01-12',
        'ofac@2023-12-28', 'ofac@2024-05-03', 'ofac-cons@2025-12-19', 'un@2018-10-29', 'un@2020-11-30', 'un@2024-09-26', 'un@2026-02-27',
        'un@2026-05-08', 'uk@2014-04-02']) assert.ok(labels.includes(v), `${v} imported`);
      assert.ok(!labels.some((l) => l.includes('partial')));
      const refused = report.outcomes.find((o) => o.version === '2025-12-24-partial');
      assert.equal(refused?.outcome, 'refused');
      assert.match(refused?.message ?? '', /sdn\.csv/);
      const served = Object.fromEntries((await currentVersions(db)).map((v) => [v.source, v.version]));
      assert.equal(served.ofac, '2024-05-03');
      assert.equal(served.un, '2026-05-08');
    });

    await t.test('counts match the staged files', async () => {
      const byLabel = new Map((await listVersions(db)).map((v) => [`${v.source}@${v.version}`, v]));
      assert.equal(byLabel.get('ofac@2024-05-03')?.counts.records, 14965);
      assert.equal(byLabel.get('ofac@2024-05-03')?.counts.dprk, 484);
      assert.equal(byLabel.get('ofac@2023-12-28')?.counts.records, 13821);
      assert.equal(byLabel.get('ofac@2023-12-28')?.counts.dprk, 479);
      assert.equal(byLabel.get('ofac@2021-07-07')?.counts.dprk, 414);
      const un = byLabel.get('un@2026-05-08');
      assert.equal(un?.counts.records, 1009);
      assert.equal(un?.counts.dprk, 155);
      assert.equal(un?.counts.Person, 737);
      assert.equal(un?.stated_date, '2026-05-08');
      assert.equal(byLabel.get('ofac-cons@2025-12-19')?.counts.dprk, 0);
      assert.equal(un?.files[0].sha256, '1f1b3bfe29a53e7ac7c42ee4e58d6a7d1ebdf7c5e91fd990d3e63aefe0313dea');
    });

    await t.test('a DPRK vessel carries type, flag and the IMO number from the remarks', async () => {
      const e = await getEntity(db, 'ofac-17069');
      assert.ok(e);
      assert.equal(e.caption, 'CHONG CHON GANG');
      assert.equal(e.schema, 'Vessel');
      assert.deepEqual(e.properties.imoNumber, ['7937317']);
      assert.deepEqual(e.properties.flag, ['kp']);
      assert.deepEqual(e.properties.type, ['General Cargo']);
      assert.ok(e.dprk.some((d) => d.kind === 'program' && d.detail === 'DPRK'));
      assert.ok(e.dprk.some((d) => d.kind === 'flag'));
      const imo = e.statements?.find((s) => s.prop === 'imoNumber');
      assert.equal(imo?.record, 'ofac-17069');
      assert.equal(imo?.version, 'ofac@2024-05-03');
    });

    await t.test('an OFAC and a UN entry for one DPRK target merge, with the reason kept', async () => {
      const byUn = await getEntity(db, 'un-KPe.001');
      const byOfac = await getEntity(db, 'ofac-9345');
      assert.ok(byUn && byOfac);
      assert.equal(byUn.id, byOfac.id);
      assert.ok(byUn.referents.includes('ofac-9345') && byUn.referents.includes('un-KPe.001'));
      assert.ok(byUn.merge.some((m) => [m.a, m.b].includes('un-KPe.001')));
      assert.ok(byUn.datasets.includes('un_sc_sanctions') && byUn.datasets.includes('us_ofac_sdn'));
      // KIM Tong-Myong: OFAC and UN share his passport number.
      const kim = await getEntity(db, 'un-KPi.023');
      assert.ok(kim?.merge.some((m) => m.rule === 'shared_identifier' && m.detail.includes('290320764')));
    });

    await t.test('DPRK-relatedness beyond tags: nationality and Linked To for entries under other programmes', async () => {
      const byNationality = await getEntity(db, 'ofac-15657');
      assert.ok(byNationality?.dprk.some((d) => d.kind === 'nationality' && d.detail === 'kp'));
      assert.ok(!byNationality?.dprk.some((d) => d.kind === 'program'));
      const byLink = await getEntity(db, 'ofac-22288');
      assert.equal(byLink?.caption, 'ARDIS-BEARINGS LLC');
      assert.ok(byLink?.dprk.some((d) => d.kind === 'linked_to' && d.detail === 'ofac-11599'));
      const link = byLink?.links.find((l) => l.type === 'linked_to');
      assert.equal(link?.target, 'ofac-11599');
    });

    await t.test('deltas OFAC 2021-07-07 -> 2023-12-28, checked by hand against the files', async () => {
      const d = await diffVersions(db, 'ofac@2021-07-07', 'ofac@2023-12-28');
      // KIMSUKY (45430) first appears in the 2023 file; HUISH, Irina Igorevna (22611) is in 2021 only.
      assert.ok(d.added.some((r) => r.id === 'ofac-45430' && r.caption === 'KIMSUKY'));
      assert.ok(d.removed.some((r) => r.id === 'ofac-22611'));
      assert.ok(!d.added.some((r) => r.id === 'ofac-17069') && !d.removed.some((r) => r.id === 'ofac-17069'));
      assert.equal(d.added.length + d.unchanged + d.changed.length, 13821);
      assert.equal(d.removed.length + d.unchanged + d.changed.length, 8976);
    });

    await t.test('deltas UN 2020-11-30 -> 2024-09-26: amended KP entries, property by property', async () => {
      const d = await diffVersions(db, 'un@2020-11-30', 'un@2024-09-26');
      assert.equal(d.added.filter((r) => r.id.startsWith('un-KP')).length, 0);
      assert.equal(d.removed.filter((r) => r.id.startsWith('un-KP')).length, 0);
      const tangun = d.changed.find((c) => c.id === 'un-KPe.008');
      assert.deepEqual(tangun?.changes.find((c) => c.prop === 'alias')?.added, [
        'Kuryonggang Trading Corporation', 'Ryungseng Trading Corporation', 'Ryung Seng Trading Corporation', 'Ryungsong Trading Corporation',
        'Kore Kuryonggang Trading Corporation']);
      assert.deepEqual(tangun?.changes.find((c) => c.prop === 'modifiedAt')?.added, ['2022-07-26']);
      const namchongang = d.changed.find((c) => c.id === 'un-KPe.004');
      assert.ok(namchongang?.changes.some((c) => c.prop === 'address' && c.added[0].startsWith('Chilgol, Pyongyang')));
    });

    await t.test('listing dates from UN LISTED_ON, the derived change log and version history', async () => {
      const komid = await getEntity(db, 'un-KPe.001');
      assert.ok(komid?.listed.some((l) => l.record === 'un-KPe.001' && l.precision === 'exact' && l.date === '2009-04-24'));
      const kimsuky = await getEntity(db, 'ofac-45430');
      const log = kimsuky?.listed.find((l) => l.basis === 'change_log');
      assert.equal(log?.date, '2023-12-01');
      assert.equal(log?.after, '2023-11-30');
      const first = (await getEntity(db, 'ofac-17069'))?.listed.find((l) => l.basis === 'first_version');
      assert.equal(first?.date, '2021-07-07');
      assert.equal(first?.precision, 'on_or_before');
    });

    await t.test('FtM export of a merged entity', async () => {
      const e = await getEntity(db, 'ofac-17069');
      const lines = toFtm(e!);
      assert.equal(lines[0].schema, 'Vessel');
      assert.deepEqual(lines[0].properties.imoNumber, ['7937317']);
      assert.ok(lines.some((l) => l.schema === 'Sanction' && l.properties.program?.includes('DPRK')));
    });

    await t.test('bad publications are refused with file and line; the served versions stay', async () => {
      const bad = mkdtempSync(join(tmpdir(), 'cp-bad-'));
      const put = (source: string, date: string, name: string, bytes: Buffer | string) => {
        const dir = join(bad, source, date);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, name), bytes);
        return dir;
      };
      const sdn = readFileSync(join(mirror, 'ofac', '2024-05-03', 'sdn.csv'));
      const un = readFileSync(join(mirror, 'un', '2026-05-08', 'consolidated.xml'), 'utf8');
      // 1. a truncated sdn.csv (cut mid-file); 2. a companion missing (add.csv without alt.csv);
      // 3. a malformed XML; 4. a file in the wrong encoding (UTF-16).
      put('ofac', '2024-06-01', 'sdn.csv', sdn.subarray(0, Math.floor(sdn.length * 0.6)));
      const set = put('ofac', '2024-07-01', 'sdn.csv', sdn);
      cpSync(join(mirror, 'ofac', '2023-12-28', 'add.csv'), join(set, 'add.csv'));
      put('un', '2026-06-01', 'consolidated.xml', un.replace('</INDIVIDUAL>', '</INDIVIDUALS>'));
      put('un', '2026-07-01', 'consolidated.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(un, 'utf16le')]));
      const r = await update(db, { mirror: bad, sources: ['ofac', 'un'] });
      const outcome = (v: string) => r.outcomes.find((x) => x.version === v);
      assert.match(outcome('2024-06-01')?.message ?? '', /sdn\.csv:\d+/);
      assert.match(outcome('2024-07-01')?.message ?? '', /alt\.csv/);
      assert.match(outcome('2026-06-01')?.message ?? '', /consolidated\.xml:\d+/);
      assert.match(outcome('2026-07-01')?.message ?? '', /consolidated\.xml/);
      for (const v of ['2024-06-01', '2024-07-01', '2026-06-01', '2026-07-01']) assert.equal(outcome(v)?.outcome, 'refused', v);
      const served = Object.fromEntries((await currentVersions(db)).map((v) => [v.source, v.version]));
      assert.equal(served.ofac, '2024-05-03');
      assert.equal(served.un, '2026-05-08');
      assert.ok((await importLog(db)).some((l) => l.version === '2024-06-01' && l.outcome === 'refused'));
    });

    await t.test('a second update imports nothing new', async () => {
      const again = await update(db, { mirror, sources: ['un'] });
      assert.ok(again.outcomes.every((o) => o.outcome === 'unchanged'));
      assert.equal(again.entities, undefined);
    });
  } finally {
    await db.close();
  }
});
