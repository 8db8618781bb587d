/**
 * The bugs the fuzzers found (issue #9), each as a fixed input:
 *  - XML nested thousands deep inside a record overflowed the stack (RangeError) when its text was collected
 *    (src/sources/un/xml.ts allText, shared by the UN, FCDO and EU parsers): now a SourceError, and allText is iterative.
 *  - A NUL character in a path or query parameter reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00")
 *    and came back as a 500 (GET /mandates/entities/%00) or 503 (GET /entities/%00/adjacent): now a 400.
 *  - An FtM line with a NUL character or an unpaired surrogate in a value was a 500 at POST /datasets/{name}/import
 *    (jsonb refuses both): now the line is rejected with its reason.
 *  - POST /match with a Person named "constructor" was a 500: name-part tables (normalize/name-parts.ts) were plain
 *    objects, so the token found Object.prototype.constructor.
 *  - NMEA: a line padded past 1,024 bytes with blanks was too long when it arrived cut across two chunks and decoded
 *    when it arrived whole (the length was judged after trimming on one path, before on the other).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceError } from '../../src/sources/types.js';
import { parseUnConsolidated } from '../../src/sources/un/index.js';
import { parseEuFsf } from '../../src/sources/eu/index.js';
import { parseFcdoXml } from '../../src/sources/uk/index.js';
import { allText, type XmlNode } from '../../src/sources/un/xml.js';
import { readFtmLines } from '../../src/sources/ftm/reader.js';
import { createNmeaDecoder } from '../../src/sources/ais/index.js';
import { fixtureApi } from '../api/fixtures.js';
import { packageRoot } from '../../src/config/paths.js';

const FIXTURES = join(packageRoot(), 'test', 'fixtures');

const DEEP_CASES: [string, string, string, (p: string) => Promise<unknown>][] = [
  ['un', 'un/sample.xml', '<INDIVIDUAL>', parseUnConsolidated],
  ['eu', 'eu/sample.xml', '<sanctionEntity ', parseEuFsf],
  ['uk-fcdo', 'uk/fcdo-sample.xml', '<Designation>', parseFcdoXml],
];

for (const [name, fixture, record, parse] of DEEP_CASES) {
  test(`${name} XML: elements nested 100,000 deep inside a record are a SourceError, not a stack overflow`, async () => {
    const text = readFileSync(join(FIXTURES, fixture), 'utf8');
    const at = text.indexOf('>', text.indexOf(record)) + 1;
    const dir = mkdtempSync(join(tmpdir(), 'cp-deep-'));
    try {
      const path = join(dir, 'deep.xml');
      writeFileSync(path, text.slice(0, at) + '<a>'.repeat(100_000) + 'x' + '</a>'.repeat(100_000) + text.slice(at));
      await assert.rejects(parse(path), (err: unknown) => err instanceof SourceError && /nested more than 64 deep/.test(err.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('allText walks any depth without recursion, in document order', () => {
  const root: XmlNode = { name: 'r', attrs: {}, children: [], text: 'a', line: 1 };
  let n = root;
  for (let i = 0; i < 200_000; i++) {
    const c: XmlNode = { name: 'c', attrs: {}, children: [], text: i === 199_999 ? 'z' : '', line: 1 };
    n.children.push(c);
    n = c;
  }
  root.children.push({ name: 'd', attrs: {}, children: [], text: 'last', line: 1 });
  assert.equal(allText(root), 'a z last');
});

test('FtM lines with a NUL character or an unpaired surrogate are rejected with a reason', async () => {
  const lines = [
    '{"id":"a","schema":"Company","properties":{"name":["x\\u0000y"]}}',
    '{"id":"b","schema":"Company","properties":{"name":["\\ud800"]}}',
    '{"id":"c\\u0000","schema":"Company","properties":{"name":["ok"]}}',
    '{"id":"d","schema":"Company","properties":{"name":["김정은 😀"]}}',
  ];
  const r = await readFtmLines(lines);
  assert.deepEqual(r.entities.map((e) => e.id), ['d']);
  assert.deepEqual(r.rejected.map((x) => x.line), [1, 2, 3]);
  for (const x of r.rejected) assert.match(x.reason, /NUL character or an unpaired surrogate/);
});

test('HTTP: %00 in a path or query parameter is a 400; an FtM import with NUL is not a 5xx', async () => {
  const api = await fixtureApi();
  try {
    for (const path of ['/entities/%00', '/entities/%00/adjacent', '/mandates/entities/%00', '/search/default?q=a%00b', '/network/x%00']) {
      const r = await api.request(path);
      assert.equal(r.status, 400, `${path}: ${r.status} ${r.text.slice(0, 200)}`);
      assert.match(r.body.message, /NUL/);
    }
    const r = await api.request('/datasets/fuzz_ds/import', {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson' },
      body: '{"id":"x","schema":"Company","properties":{"name":["a\\u0000b"]}}\n{"id":"y","schema":"Company","properties":{"name":["\\ud800"]}}\n',
    });
    assert.ok(r.status < 500, `import: ${r.status} ${r.text.slice(0, 300)}`);
    for (const name of ['constructor', 'Kim constructor', 'constructor trading', '__proto__', 'toString valueOf']) {
      for (const schema of ['Person', 'Company']) {
        const m = await api.post('/match/default', { queries: { q: { schema, properties: { name: [name], alias: [name] } } } });
        assert.equal(m.status, 200, `${schema} ${name}: ${m.status} ${m.text.slice(0, 200)}`);
      }
    }
  } finally {
    await api.close();
  }
});

test('NMEA: the same counts whether a blank-padded long line comes whole or cut across chunks', () => {
  const text = Buffer.from('\t'.repeat(1500) + '!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24\n' + ' '.repeat(2000) + '\n!AIVDM,1,1,,B,13u?etPv2;0n:dDPwUM1U1Cb069D,0*27\n');
  const decode = (cuts: number[]) => {
    const d = createNmeaDecoder({ defaultTime: 0 });
    let last = 0;
    for (const c of [...cuts, text.length]) {
      d.push(text.subarray(last, c));
      last = c;
    }
    d.end();
    return d.stats();
  };
  const whole = decode([]);
  for (const cuts of [[700], [100, 1200, 1600], [3000], [1, 2, 3, 2000, 3520]]) assert.deepEqual(decode(cuts), whole, `cut at ${cuts}`);
  assert.equal(whole.errors.line_too_long, 2);
});
