import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../helpers/db.js';
import { migrate } from '../../src/store/migrate.js';
import { currentVersions, listVersions, recordsOf } from '../../src/store/versions.js';
import { getEntity } from '../../src/store/entities.js';
import { importPublication, recordHash } from '../../src/ingest/update.js';
import { discoverPublications } from '../../src/ingest/publication.js';
import { rebuildEntities } from '../../src/ingest/rebuild.js';
import { deltaOf } from '../../src/analyses/deltas/diff.js';
import { fakeMirror, fakeSource, rec } from '../helpers/fake-source.js';

for (const backend of backends()) {
  test(`store on ${backend.name}: versions, atomic refusal, entities`, async (t) => {
    const { db, done } = await backend.open();
    try {
      await t.test('migrations are idempotent and numbers come back as numbers', async () => {
        assert.deepEqual(await migrate(db), []);
        const [row] = await db.query<{ n: number; big: number }>('SELECT 1::int AS n, 9007199254740::bigint AS big');
        assert.equal(typeof row.big, 'number');
        assert.equal(row.big, 9007199254740);
      });

      const v1 = [rec('1', 'KIM Jong Un', { properties: { name: ['KIM Jong Un'], birthDate: ['1984-01-08'] } }), rec('2', 'RI Yong Gil'),
        rec('3', 'PAK Pong Ju'), rec('4', 'CHOE Ryong Hae'), rec('5', 'KIM Yo Jong')];
      const v2 = [...v1.slice(0, 4), rec('6', 'HYON Yong Chol'), { ...v1[4], properties: { name: ['KIM Yo Jong'], alias: ['Kim Yo-jong'] } }];
      const mirror = fakeMirror({
        '2024-01-01': v1,
        '2024-02-01': v2,
        '2024-03-01': v2.slice(0, 2), // drops two thirds: implausible
        '2024-04-01': '[{"id": "fake-1", ', // truncated JSON
      });
      const pubs = discoverPublications(mirror, fakeSource);
      assert.deepEqual(pubs.map((p) => p.version), ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01']);

      await t.test('imports good versions and skips an unchanged one', async () => {
        assert.equal((await importPublication(db, pubs[0])).outcome, 'imported');
        assert.equal((await importPublication(db, pubs[1])).outcome, 'imported');
        assert.equal((await importPublication(db, pubs[1])).outcome, 'unchanged');
        const served = await currentVersions(db);
        assert.equal(served.length, 1);
        assert.equal(served[0].version, '2024-02-01');
        assert.equal(served[0].counts.records, 6);
        assert.equal(served[0].counts.dprk, 6);
        assert.equal(served[0].files[0].name, 'list.json');
        assert.match(served[0].files[0].sha256, /^[0-9a-f]{64}$/);
      });

      await t.test('an implausible drop and a corrupt file are refused; the previous version stays served', async () => {
        const dropped = await importPublication(db, pubs[2]);
        assert.equal(dropped.outcome, 'refused');
        assert.match(dropped.message ?? '', /66\.7 % fewer than the 6/);
        assert.match(dropped.message ?? '', /2024-02-01 stays served/);
        const corrupt = await importPublication(db, pubs[3]);
        assert.equal(corrupt.outcome, 'refused');
        assert.match(corrupt.message ?? '', /list\.json:1/);
        assert.equal((await currentVersions(db))[0].version, '2024-02-01');
        assert.equal((await listVersions(db)).length, 2);
        const forced = await importPublication(db, pubs[2], { force: true });
        assert.equal(forced.outcome, 'imported');
        assert.equal((await currentVersions(db))[0].version, '2024-03-01');
      });

      await t.test('records round-trip and deltas are right', async () => {
        const [a, b] = await listVersions(db);
        const ra = await recordsOf(db, a.id, 'fake');
        const rb = await recordsOf(db, b.id, 'fake');
        assert.deepEqual(ra.find((r) => r.id === 'fake-1')?.properties.birthDate, ['1984-01-08']);
        assert.equal(ra[0].hash, recordHash(ra[0]));
        const d = deltaOf(ra, rb);
        assert.deepEqual(d.added.map((r) => r.id), ['fake-6']);
        assert.deepEqual(d.removed, []);
        assert.deepEqual(d.changed.map((r) => [r.id, r.changes]), [['fake-5', [{ prop: 'alias', removed: [], added: ['Kim Yo-jong'] }]]]);
        assert.equal(d.unchanged, 4);
      });

      await t.test('entities are built from the served version with listing dates', async () => {
        const r = await rebuildEntities(db);
        assert.equal(r.total, 2);
        const e = await getEntity(db, 'fake-2');
        assert.ok(e);
        assert.equal(e.caption, 'RI Yong Gil');
        assert.equal(e.listed.find((l) => l.precision === 'on_or_before')?.date, '2024-01-01');
        assert.equal(e.statements?.[0].version, 'fake@2024-03-01');
        assert.equal(await getEntity(db, 'fake-6'), undefined);
      });
    } finally {
      await done();
    }
  });
}
