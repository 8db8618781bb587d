import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockedByOwnership, parsePercentage, OFAC_50_PERCENT_RULE_THRESHOLD, type OwnershipEdge } from '../../src/analyses/network/ownership.js';

let n = 0;
const e = (owner: string, asset: string, percentage: number): OwnershipEdge => ({ id: `own-${++n}`, owner, asset, percentage, source: 'fixture' });
const ids = (r: ReturnType<typeof blockedByOwnership>) => r.blocked.map((b) => b.id).sort();
const get = (r: ReturnType<typeof blockedByOwnership>, id: string) => r.blocked.find((b) => b.id === id);

test('threshold is 0.5 with its citation', () => {
  assert.equal(OFAC_50_PERCENT_RULE_THRESHOLD, 0.5);
  const r = blockedByOwnership([], []);
  assert.match(r.citation, /August 13, 2014/);
});

test('direct 50 % blocks (inclusive)', () => {
  const r = blockedByOwnership(['A'], [e('A', 'B', 50)]);
  assert.deepEqual(ids(r), ['B']);
  assert.equal(get(r, 'B')?.aggregate, 50);
  assert.deepEqual(get(r, 'B')?.paths, [['A', 'B']]);
  assert.equal(get(r, 'B')?.contributions[0].owner, 'A');
});

test('direct 49.9 % does not block', () => {
  assert.deepEqual(ids(blockedByOwnership(['A'], [e('A', 'B', 49.9)])), []);
});

test('two blocked owners 25 % + 25 % aggregate to 50 %', () => {
  const r = blockedByOwnership(['A1', 'A2'], [e('A1', 'C', 25), e('A2', 'C', 25), e('X', 'C', 50)]);
  assert.deepEqual(ids(r), ['C']);
  assert.equal(get(r, 'C')?.aggregate, 50);
  assert.equal(get(r, 'C')?.paths.length, 2);
});

test('float sums: 33.33 + 16.67 reach 50', () => {
  assert.deepEqual(ids(blockedByOwnership(['A1', 'A2'], [e('A1', 'C', 33.33), e('A2', 'C', 16.67)])), ['C']);
});

test('the same stake stated twice counts once', () => {
  assert.deepEqual(ids(blockedByOwnership(['A'], [e('A', 'B', 30), e('A', 'B', 30)])), []);
});

test('indirect chain through a blocked subsidiary: A -> B -> C', () => {
  const r = blockedByOwnership(['A'], [e('A', 'B', 60), e('B', 'C', 50)]);
  assert.deepEqual(ids(r), ['B', 'C']);
  assert.deepEqual(get(r, 'C')?.paths, [['A', 'B', 'C']]);
  assert.equal(get(r, 'B')?.round, 1);
  assert.equal(get(r, 'C')?.round, 2);
});

test('a chain through an UNblocked subsidiary does not count', () => {
  // A blocked owns 40 % of B (not blocked); B owns 100 % of C: C is not blocked by that path.
  assert.deepEqual(ids(blockedByOwnership(['A'], [e('A', 'B', 40), e('B', 'C', 100)])), []);
  // ... but A's direct 10 % in C plus blocked D's 40 % does.
  const r = blockedByOwnership(['A', 'D'], [e('A', 'B', 40), e('B', 'C', 100), e('A', 'C', 10), e('D', 'C', 40)]);
  assert.deepEqual(ids(r), ['C']);
  assert.equal(get(r, 'C')?.aggregate, 50);
});

test('cycles terminate; a cycle without enough blocked ownership stays unblocked', () => {
  // B owns 50 % of C, C owns 50 % of B, A blocked owns 30 % of B: neither blocked.
  assert.deepEqual(ids(blockedByOwnership(['A'], [e('B', 'C', 50), e('C', 'B', 50), e('A', 'B', 30)])), []);
});

test('a cycle propagates once one member becomes blocked', () => {
  // A owns 50 % of B -> B blocked; B owns 50 % of C -> C blocked; C's 50 % of B adds to B's aggregate.
  const r = blockedByOwnership(['A'], [e('B', 'C', 50), e('C', 'B', 50), e('A', 'B', 50)]);
  assert.deepEqual(ids(r), ['B', 'C']);
  assert.equal(get(r, 'B')?.aggregate, 100);
  assert.deepEqual(get(r, 'B')?.paths, [['A', 'B']]);
  assert.deepEqual(get(r, 'C')?.paths, [['A', 'B', 'C']]);
  // Three-member cycle with a self-loop: still terminates.
  const r2 = blockedByOwnership(['S'], [e('X', 'Y', 60), e('Y', 'Z', 60), e('Z', 'X', 60), e('X', 'X', 100), e('S', 'X', 50)]);
  assert.deepEqual(ids(r2), ['X', 'Y', 'Z']);
});

test('seeds are not reported as blocked by ownership', () => {
  assert.deepEqual(ids(blockedByOwnership(['A', 'B'], [e('A', 'B', 100)])), []);
});

test('percentages: FtM states them in percent', () => {
  assert.equal(parsePercentage('50'), 50);
  assert.equal(parsePercentage('50%'), 50);
  assert.equal(parsePercentage(' 50.5 % '), 50.5);
  assert.equal(parsePercentage('50,5'), 50.5);
  assert.equal(parsePercentage('0.5'), 0.5); // half of one percent, not a half
  assert.equal(parsePercentage('101'), undefined);
  assert.equal(parsePercentage('-1'), undefined);
  assert.equal(parsePercentage('fifty'), undefined);
  assert.equal(parsePercentage(''), undefined);
});
