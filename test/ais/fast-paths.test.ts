/**
 * The NMEA reader's fast paths give the same data as its plain one: onPositionValues (numbers in a Float64Array) vs
 * onPosition records, identityOnly statics vs full ones, and multi-part assembly (array-kept pending messages, the
 * payload hash carried along) vs messages sent whole, on random encoded traffic cut into random chunks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNmeaDecoder, POSITION_VALUES as PV, type AisPosition, type AisStatic } from '../../src/sources/ais/index.js';
import { encodePosition, encodeStaticVoyage, toSentences } from '../../src/sources/ais/encode.js';
import { prng } from '../../bench/stats.js';

const rng = prng;

function feed(text: string, push: (b: Buffer) => void, r: () => number): void {
  const buf = Buffer.from(text, 'latin1');
  for (let i = 0; i < buf.length;) {
    const n = 1 + Math.floor(r() * 200);
    push(buf.subarray(i, i + n));
    i += n;
  }
}

test('NMEA fast paths: onPositionValues and identityOnly give the same data as onPosition / full statics', () => {
  const r = rng(11);
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const t = 1_700_000_000 + i;
    const tag = `\\c:${t}*00\\`.replace(/\*00/, ''); // tag block without checksum
    if (r() < 0.15) {
      const payload = encodeStaticVoyage({
        mmsi: 412000000 + Math.floor(r() * 50), imo: r() < 0.5 ? 9074729 : undefined, name: r() < 0.9 ? `SHIP ${Math.floor(r() * 20)}` : undefined,
        callSign: 'BQRT', shipType: 80, destination: 'NAMPO', draught: 7.5, eta: { month: 3, day: 4, hour: 5, minute: 6 },
      } as Parameters<typeof encodeStaticVoyage>[0]);
      for (const s of toSentences(payload, { seqId: i % 10 })) lines.push(`${tag}${s}`);
    } else {
      const payload = encodePosition({
        type: r() < 0.8 ? 1 : 18, mmsi: 412000000 + Math.floor(r() * 50), lat: r() * 170 - 85, lon: r() * 350 - 175,
        sog: r() < 0.1 ? undefined : Math.round(r() * 300) / 10, cog: r() < 0.1 ? undefined : Math.round(r() * 3599) / 10, heading: 90,
      } as Parameters<typeof encodePosition>[0]);
      for (const s of toSentences(payload)) lines.push(`${tag}${s}`);
    }
  }
  const text = `${lines.join('\n')}\n`;
  const plainPos: AisPosition[] = [];
  const plainStatic: AisStatic[] = [];
  const a = createNmeaDecoder({ onPosition: (p) => plainPos.push({ ...p }), onStatic: (s) => plainStatic.push({ ...s }) });
  feed(text, (b) => a.push(b), rng(1));
  a.end();
  const fastPos: number[][] = [];
  const fastStatic: AisStatic[] = [];
  const b = createNmeaDecoder({ onPositionValues: (v) => fastPos.push(Array.from(v)), onStatic: (s) => fastStatic.push({ ...s }), identityOnly: true });
  feed(text, (c) => b.push(c), rng(2));
  b.end();
  assert.ok(plainPos.length > 2000 && plainStatic.length > 300, `${plainPos.length} ${plainStatic.length}`);
  assert.deepEqual(b.stats(), a.stats());
  assert.deepEqual(fastPos, plainPos.map((p) => {
    const v = new Array<number>(PV.length);
    v[PV.mmsi] = p.mmsi;
    v[PV.t] = p.t;
    v[PV.lat] = p.lat;
    v[PV.lon] = p.lon;
    v[PV.sog] = p.sog ?? NaN;
    v[PV.cog] = p.cog ?? NaN;
    return v;
  }));
  const identity = (s: AisStatic) => [s.mmsi, s.t, s.msgType, s.imo, s.name, s.callSign, s.shipType];
  assert.deepEqual(fastStatic.map(identity), plainStatic.map(identity));
  assert.ok(plainStatic.some((s) => s.destination === 'NAMPO' && s.eta !== undefined));
  assert.ok(fastStatic.every((s) => s.destination === undefined && s.eta === undefined && s.draught === undefined));
});

test('SixBitReader.uint: every start and width (1..30) agrees with bit-by-bit reading, on random payloads', async () => {
  const { SixBitReader, BYTE_OF_SIXBIT } = await import('../../src/sources/ais/armor.js');
  const r = rng(5);
  for (let round = 0; round < 20; round++) {
    const chars = 1 + Math.floor(r() * 80);
    const bytes = Uint8Array.from({ length: chars }, () => BYTE_OF_SIXBIT[Math.floor(r() * 64)]);
    const reader = new SixBitReader();
    reader.reset();
    assert.ok(reader.append(bytes, 0, chars));
    const bits: number[] = [];
    for (let c = 0; c < chars; c++) for (let b = 5; b >= 0; b--) bits.push((reader.six[c] >> b) & 1);
    for (let start = 0; start < chars * 6; start++) {
      for (let len = 1; len <= 30 && start + len <= chars * 6; len++) {
        let want = 0;
        for (let k = 0; k < len; k++) want = want * 2 + bits[start + k];
        assert.equal(reader.uint(start, len), want, `start ${start} len ${len}`);
      }
    }
  }
});

test('repeated tag blocks (remembered from the line before) give the same times as parsed ones', () => {
  const payload = toSentences(encodePosition({ type: 1, mmsi: 412000001, lat: 30, lon: 123, sog: 10, cog: 90, heading: 90 } as Parameters<typeof encodePosition>[0]))[0];
  const other = toSentences(encodePosition({ type: 1, mmsi: 412000002, lat: 31, lon: 124, sog: 11, cog: 91, heading: 91 } as Parameters<typeof encodePosition>[0]))[0];
  const lines = [
    `\\s:a,c:1700000000\\${payload}`, `\\s:a,c:1700000000\\${other}`, // same block: remembered
    `1700000100 \\s:a\\${payload}`, `1700000200 \\s:a\\${other}`, // no c: the leading time stays
    `\\s:a,c:1700000300\\${payload}`, `\\s:a,c:1700000300\\${other}`,
    `\\s:a,c:1700000400*00\\${payload}`, `\\s:a,c:1700000400*00\\${other}`, // bad checksum both times
  ];
  const times: number[] = [];
  const d = createNmeaDecoder({ onPositionValues: (v) => times.push(v[PV.t]), duplicateWindowMessages: 0 });
  d.push(Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
  d.end();
  assert.deepEqual(times, [1700000000000, 1700000000000, 1700000100000, 1700000200000, 1700000300000, 1700000300000]);
  assert.equal(d.stats().errors.bad_checksum, 2);
});
