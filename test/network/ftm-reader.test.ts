import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFtm, ownershipEdges } from '../../src/sources/ftm/index.js';
import { SourceError } from '../../src/sources/types.js';
import { blockedByOwnership } from '../../src/analyses/network/ownership.js';

// Compiled tests run from dist/test/network; fixtures stay in the source tree.
const dir = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'network', 'ftm');

test('a valid FtM file: entities, edges of the three kinds, nothing rejected', async () => {
  const r = await readFtm(join(dir, 'good.jsonl'));
  assert.deepEqual(r.rejected, []);
  assert.deepEqual(r.entities.map((e) => e.id), ['co-a', 'co-b', 'co-c', 'p-1']);
  assert.equal(r.entities[0].caption, 'Alpha Trading Co');
  assert.deepEqual(r.edges.map((e) => [e.schema, e.source, e.target]), [
    ['Ownership', 'co-a', 'co-b'], ['Ownership', 'co-b', 'co-c'], ['Directorship', 'p-1', 'co-a'], ['UnknownLink', 'co-c', 'p-1'],
  ]);
  assert.equal(r.edges[0].percentage, 60);
  assert.equal(r.edges[1].percentage, 50);
  assert.equal(r.edges[0].line, 6); // the blank line 5 is counted
  const own = ownershipEdges(r);
  assert.equal(own.length, 2);
  const rule = blockedByOwnership(['co-a'], own);
  assert.deepEqual(rule.blocked.map((b) => b.id), ['co-b', 'co-c']);
  assert.deepEqual(rule.blocked[1].paths, [['co-a', 'co-b', 'co-c']]);
});

test('every rejection reason, with line and id; good lines kept; never throws', async () => {
  const r = await readFtm(join(dir, 'bad.jsonl'));
  const by = new Map(r.rejected.map((x) => [x.line, x]));
  assert.match(by.get(3)!.reason, /unknown schema 'Spaceship'/);
  assert.equal(by.get(3)!.id, 'x-1');
  assert.equal(by.get(4)!.reason, 'missing id');
  assert.equal(by.get(4)!.id, undefined);
  assert.match(by.get(5)!.reason, /schema Company has no property 'birthDate'/);
  assert.match(by.get(6)!.reason, /percentage 'fifty' is not a number/);
  assert.match(by.get(7)!.reason, /percentage '150' is not a number between 0 and 100/);
  assert.match(by.get(8)!.reason, /percentage '-5'/);
  assert.match(by.get(9)!.reason, /dangling reference: asset 'co-zzz' not in file/);
  assert.equal(by.get(9)!.id, 'own-4');
  assert.match(by.get(10)!.reason, /invalid JSON/);
  assert.equal(by.get(11)!.reason, 'duplicate id');
  assert.match(by.get(12)!.reason, /property 'name' is not a list of strings/);
  assert.match(by.get(13)!.reason, /needs exactly one 'owner'/);
  assert.equal(by.get(15)!.reason, 'not a JSON object');
  assert.equal(r.rejected.length, 12);
  assert.deepEqual(r.entities.map((e) => e.id), ['co-a', 'co-b']);
  // '0.5' is half of one percent (FtM percentages are in percent), and is kept.
  assert.deepEqual(r.edges.map((e) => [e.id, e.percentage]), [['own-6', 0.5]]);
});

test('an unreadable file throws a SourceError', async () => {
  await assert.rejects(readFtm(join(dir, 'does-not-exist.jsonl')), (err) => err instanceof SourceError && /cannot read/.test(err.message));
  await assert.rejects(readFtm(dir), (err) => err instanceof SourceError && /not a file/.test(err.message));
});
