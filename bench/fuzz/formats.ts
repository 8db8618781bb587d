/**
 * Format-aware generators on top of mutate.ts: hostile XML (deep nesting, entity expansion, external entities,
 * attribute floods), NMEA sentences with correct checksums around broken payloads and fragments, AIS CSV headers
 * and cells, FtM JSON lines, and /match request bodies.
 */
import fc from 'fast-check';
import { nmeaChecksum } from '../../src/sources/ais/encode.js';
import { BAD_NUMBERS, HOSTILE_TEXT, mutatedBytes } from './mutate.js';

// ---- XML ---------------------------------------------------------------------------------------------------------

/** The XML prolog tricks: entity expansion ("billion laughs"), external entities, a DTD the parser does not support. */
function doctype(root: string, kind: number): string {
  switch (kind) {
    case 0: { // billion laughs
      const ents = ['<!ENTITY lol "lol">'];
      for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
      return `<!DOCTYPE ${root} [${ents.join('')}]>`;
    }
    case 1: return `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
    case 2: return `<!DOCTYPE ${root} SYSTEM "http://127.0.0.1:1/evil.dtd">`;
    case 3: return `<!DOCTYPE ${root} [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x"> %p;]>`;
    default: return `<!DOCTYPE ${root} [<!ELEMENT ${root} ANY><!ATTLIST ${root} a CDATA "x">]>`;
  }
}

const ENTITY_REFS = ['&lol9;', '&xxe;', '&lol;', '&amp;', '&#65;', '&#x0;', '&#xFFFE;', '&#99999999;', '&', '&;', '&#;'];

type XmlTrick =
  | { kind: 'doctype'; which: number; ref: number }
  | { kind: 'deep'; depth: number; close: boolean; name: number }
  | { kind: 'attrs'; count: number; size: number }
  | { kind: 'record-flood'; times: number }
  | { kind: 'namespace'; prefix: string };

/** Hostile XML around a seed: applied after the generic mutations or alone. */
export function xmlBytes(seeds: readonly Buffer[], root: string, record: string, tokens: readonly string[]): fc.Arbitrary<Buffer> {
  const trick: fc.Arbitrary<XmlTrick> = fc.oneof(
    fc.record({ kind: fc.constant('doctype' as const), which: fc.nat({ max: 4 }), ref: fc.nat({ max: ENTITY_REFS.length - 1 }) }),
    fc.record({ kind: fc.constant('deep' as const), depth: fc.oneof(fc.integer({ min: 10, max: 2000 }), fc.integer({ min: 10_000, max: 200_000 })), close: fc.boolean(), name: fc.nat({ max: 3 }) }),
    fc.record({ kind: fc.constant('attrs' as const), count: fc.integer({ min: 1, max: 20_000 }), size: fc.integer({ min: 1, max: 100_000 }) }),
    fc.record({ kind: fc.constant('record-flood' as const), times: fc.integer({ min: 2, max: 500 }) }),
    fc.record({ kind: fc.constant('namespace' as const), prefix: fc.constantFrom('x:', 'xmlns:', ':', 'a:b:', '') }),
  );
  const hostile = fc.tuple(fc.nat({ max: seeds.length - 1 }), trick).map(([i, t]) => {
    const text = seeds[i].toString('utf8');
    const open = text.indexOf(`<${record}`);
    const afterOpen = open < 0 ? text.indexOf('>', text.indexOf(`<${root}`)) + 1 : text.indexOf('>', open) + 1;
    const insert = (s: string, at = afterOpen) => Buffer.from(text.slice(0, at) + s + text.slice(at), 'utf8');
    switch (t.kind) {
      case 'doctype': {
        const decl = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
        const withDtd = text.slice(0, decl) + doctype(root, t.which) + text.slice(decl);
        const at = withDtd.indexOf('>', withDtd.indexOf(`<${record}`)) + 1;
        const name = withDtd.indexOf('>', withDtd.indexOf('<', at + 1)) + 1; // inside the record's first child
        return Buffer.from(withDtd.slice(0, name) + ENTITY_REFS[t.ref] + withDtd.slice(name), 'utf8');
      }
      case 'deep': {
        const tag = ['a', 'VALUE', record, 'x:y'][t.name];
        return insert(`<${tag}>`.repeat(t.depth) + 'deep' + (t.close ? `</${tag}>`.repeat(t.depth) : ''));
      }
      case 'attrs': {
        const attrs = Array.from({ length: Math.min(t.count, 2000) }, (_, k) => ` a${k}="v"`).join('') + ` big="${'x'.repeat(t.size)}"`;
        return insert(`<EXTRA${attrs}/>`);
      }
      case 'record-flood': {
        const start = open < 0 ? -1 : open;
        const end = start < 0 ? -1 : text.indexOf(`</${record}>`, start);
        if (end < 0) return seeds[i];
        const one = text.slice(start, end + record.length + 3);
        return insert(one.repeat(t.times), end + record.length + 3);
      }
      case 'namespace':
        return Buffer.from(text.replaceAll(`<${record}`, `<${t.prefix}${record}`).replaceAll(`</${record}`, `</${t.prefix}${record}`), 'utf8');
    }
  });
  return mutatedBytes(seeds, {
    tokens: [...tokens, ...ENTITY_REFS, `<${record}>`, `</${record}>`, `<${root}>`, `</${root}>`, '<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.1"?>'],
    extra: [{ weight: 6, arbitrary: hostile }],
  });
}

// ---- NMEA ---------------------------------------------------------------------------------------------------------

const SIXBIT = '0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw';
/** Payload characters that make a supported message type the first 6 bits: 1, 2, 3, 5, 18, 19, 24, 27. */
const TYPE_CHARS = '1235BCHK';

const payloadArb = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...TYPE_CHARS), fc.array(fc.constantFrom(...SIXBIT), { maxLength: 80 })).map(([t, cs]) => t + cs.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SIXBIT), { maxLength: 600 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary-ascii' }).map((s) => s.replace(/[,*\r\n]/g, '')) },
);

const digitOr = (max: number) => fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('', 'A', '-1', '10', '99', ' ') });

/** One sentence with a checksum that is right most of the time, so the decoder reads past the checksum gate. */
export const sentenceArb: fc.Arbitrary<string> = fc.record({
  talker: fc.constantFrom('AI', 'AB', 'BS', 'SA', 'xx', '', 'A'),
  type: fc.constantFrom('VDM', 'VDO', 'VDM', 'VDX', 'GGA'),
  count: digitOr(9), number: digitOr(9), seq: fc.oneof(fc.constant(''), digitOr(9)), channel: fc.constantFrom('A', 'B', '', '1', '2', 'AB'),
  payload: payloadArb, fill: fc.oneof(fc.constant('0'), digitOr(7)), checksum: fc.oneof({ weight: 8, arbitrary: fc.constant('ok') }, { weight: 1, arbitrary: fc.constantFrom('00', 'ZZ', '', 'A', '1234') }),
  tag: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('c:', 's:', 'c:-', 'c:1e9', 'c:', 'x'), fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String), fc.constantFrom('', '.', '1.5', '99999999999999999999999999'))) }),
  prefix: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('2021-07-01 00:00:00,', '1625097600 ', '99999999999999 ', 'yesterday,', '2021-13-45T25:61:61Z;', '-1,', '1e400 ') }),
}).map((s) => {
  const body = `${s.talker}${s.type},${s.count},${s.number},${s.seq},${s.channel},${s.payload},${s.fill}`;
  const cs = s.checksum === 'ok' ? nmeaChecksum(body) : s.checksum;
  let tag = '';
  if (Array.isArray(s.tag)) {
    const t = `s:fuzz,${s.tag[0]}${s.tag[1]}`;
    tag = `\\${t}*${nmeaChecksum(t)}\\`;
  }
  return `${s.prefix}${tag}!${body}*${cs}`;
});

const pghpArb = fc.array(fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), fc.constantFrom('', '99999999999', 'x')), { minLength: 0, maxLength: 12 })
  .map((fs) => {
    const body = `PGHP,${fs.join(',')}`;
    return `$${body}*${nmeaChecksum(body)}`;
  });

/** A stream of generated sentences: orphans, out-of-order fragments, $PGHP times, mixed line ends. */
export function nmeaBytes(seeds: readonly Buffer[]): fc.Arbitrary<Buffer> {
  const stream = fc.tuple(
    fc.array(fc.oneof({ weight: 8, arbitrary: sentenceArb }, { weight: 1, arbitrary: pghpArb }), { minLength: 1, maxLength: 60 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\r\n'),
  ).map(([ls, eol]) => Buffer.from(ls.join(eol) + eol, 'latin1'));
  /** The seed's lines with payload characters changed and the checksums recomputed (reaches the bit decoders). */
  const repaired = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...SIXBIT)), { minLength: 1, maxLength: 20 }))
    .map(([i, edits]) => {
      const out = seeds[i].toString('latin1').split('\n').map((line, k) => {
        const m = /^(.*!)([^*]*)\*[0-9A-Fa-f]{2}(.*)$/.exec(line);
        if (!m) return line;
        let body = m[2];
        for (const [l, p, ch] of edits) {
          if (l % 7 !== k % 7) continue;
          const parts = body.split(',');
          if (parts.length < 6) continue;
          const pl = parts[5];
          const at = p % (pl.length + 1);
          parts[5] = pl.slice(0, at) + ch + pl.slice(at + (p % 3 === 0 ? 0 : 1));
          body = parts.join(',');
        }
        return `${m[1]}${body}*${nmeaChecksum(body)}${m[3]}`;
      });
      return Buffer.from(out.join('\n'), 'latin1');
    });
  return mutatedBytes(seeds, {
    tokens: ['!AIVDM,', '!AIVDM,2,1,1,A,', '!AIVDM,1,1,,A,', '*00', '\\s:x,c:1*00\\', '$PGHP,1,', ',0*', ',5*', '\\', '!', '$'],
    extra: [{ weight: 8, arbitrary: stream }, { weight: 4, arbitrary: repaired }],
  });
}

// ---- AIS CSV ------------------------------------------------------------------------------------------------------

const CSV_COLUMNS = [
  'mmsi', 'timestamp', 'lat', 'lon', 'sog', 'cog', 'heading', 'nav_status', 'source',
  'ssvid', 'speed_knots', 'speed', 'course', 'type', 'AIS_class', 'imo', 'shipname', 'callsign', 'shiptype', 'length', 'width', 'destination',
  'MMSI', 'Time', 'Millisecond', 'Latitude', 'Longitude', 'SOG', 'COG', 'Heading', 'Navigational_status', 'Message_ID', 'IMO', 'Vessel_Name',
  'Call_sign', 'Ship_Type', 'Destination', 'Draught', 'Dimension_to_Bow', 'Dimension_to_stern', 'Dimension_to_port', 'Dimension_to_starboard',
  '', ' mmsi ', 'MMSI ', '"mmsi"', '__proto__', 'constructor',
];
const CELLS = [
  ...BAD_NUMBERS, '445123456', '412000001', '2024-03-01T00:00:00Z', '2024-03-01 00:05:00', '20210701_185151', '1709251200', '1709251200000',
  '2024-02-30T00:00:00Z', '0000-00-00', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', 'yesterday', 'NA', 'None', 'null', 'AIS.19', 'AIS.99',
  '19', '5', '27', '64', '1000000', 'A', 'B', 'C', '39.0', '125.5', '-90', '-180', '90.0000001', '"quoted, cell"', '"unterminated', 'a""b',
];

/** A CSV with a header drawn from every mapping's columns and hostile cells; which mapping reads it is drawn too. */
export const aisCsvTableArb: fc.Arbitrary<Buffer> = fc.tuple(
  fc.uniqueArray(fc.constantFrom(...CSV_COLUMNS), { minLength: 1, maxLength: 14 }),
  fc.array(fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CELLS) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), { maxLength: 16 }), { maxLength: 30 }),
  fc.constantFrom('\n', '\r\n', '\r'),
).map(([header, rows, eol]) => Buffer.from([header.join(','), ...rows.map((r) => r.join(','))].join(eol) + eol, 'utf8'));

// ---- FtM JSON lines -----------------------------------------------------------------------------------------------

const SCHEMA_NAMES = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Ownership', 'Directorship', 'UnknownLink', 'Thing', 'Sanction', 'Address', 'Nope', '', '__proto__', 'constructor', 'toString'];
const PROPS = ['name', 'alias', 'country', 'owner', 'asset', 'director', 'organization', 'subject', 'object', 'percentage', 'imoNumber', 'birthDate', 'notes', '__proto__', 'constructor', 'hasOwnProperty', ''];
const IDS = ['co-a', 'co-b', 'p-1', 'ofac-9345', 'x', '', ' ', '__proto__', 'constructor', '../../etc/passwd', "'; DROP TABLE entities; --"];

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof(fc.constantFrom(...IDS, ...BAD_NUMBERS, ...HOSTILE_TEXT), fc.string({ maxLength: 20 })), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** An FtM entity or edge: mostly well-typed, with wrong types, prototype keys and dangling or duplicate ids mixed in. */
export const ftmObjectArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...IDS) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
    schema: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...SCHEMA_NAMES) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
    properties: fc.oneof({ weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...PROPS), jsonish, { maxKeys: 5 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
    datasets: fc.oneof(fc.constant(undefined), fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }), fc.jsonValue({ maxDepth: 1 })),
    referents: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
    caption: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 1 })),
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

export function ftmBytes(seeds: readonly Buffer[]): fc.Arbitrary<Buffer> {
  const lines = fc.array(ftmObjectArb, { minLength: 1, maxLength: 40 }).map((os) => Buffer.from(os.map((o) => JSON.stringify(o) ?? 'undefined').join('\n') + '\n', 'utf8'));
  const deep = fc.tuple(fc.integer({ min: 100, max: 300_000 }), fc.constantFrom('[', '{"a":')).map(([n, open]) =>
    Buffer.from(open.repeat(n) + (open === '[' ? ']' : '1}').repeat(n) + '\n', 'utf8'));
  return mutatedBytes(seeds, {
    tokens: ['{', '}', '"id":', '"schema":"Ownership"', '"properties":{', '"percentage":["150"]', ',', '\\u0000', '\\ud800', '\\"'],
    extra: [{ weight: 8, arbitrary: lines }, { weight: 1, arbitrary: deep }],
  });
}

// ---- /match bodies ------------------------------------------------------------------------------------------------

const MATCH_SCHEMATA = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane', 'Thing', 'Ownership', 'Persn', '', 'person', '__proto__', 'constructor'];
const MATCH_PROPS = ['name', 'alias', 'firstName', 'lastName', 'birthDate', 'nationality', 'country', 'imoNumber', 'mmsi', 'swiftBic', 'passportNumber', 'idNumber', 'gender', 'notes', 'toString', '__proto__', 'constructor', 'valueOf', 'x'];
const NAMES = ['RI Yong Gil', 'Lee Young-kil', '리영길', 'KOMID', 'KOREA MINING DEVELOPMENT TRADING CORPORATION', 'CHONG CHON GANG', '7937317', 'IMO 7937317', 'Kim', '', ' ', '!!! ---', 'a', '1955', '1955-13-45', 'kp', 'xx'];

const matchValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...NAMES, ...HOSTILE_TEXT) }, { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) }, { weight: 1, arbitrary: fc.integer() }), { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'Kim ', '김'), fc.integer({ min: 900, max: 5000 })).map(([u, n]) => [u.repeat(n)]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('RI Yong Gil', 'x'), fc.integer({ min: 40, max: 200 })).map(([v, n]) => Array.from({ length: n }, (_, k) => `${v} ${k}`)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const numericParams = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.record({ threshold: fc.double({ min: 0, max: 1, noNaN: true }), candidates: fc.integer({ min: 1, max: 1000 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('threshold', 'candidates', 'conflictWeight', 'nope', '__proto__', 'constructor'), fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -1, 1e308) as fc.Arbitrary<unknown>, fc.jsonValue({ maxDepth: 1 })), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
);

const exampleArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 20, arbitrary: fc.record({
    id: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 10 })),
    schema: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...MATCH_SCHEMATA) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
    properties: fc.oneof({ weight: 20, arbitrary: fc.dictionary(fc.constantFrom(...MATCH_PROPS), matchValue, { maxKeys: 6 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** A /match request: query string and JSON body, mostly the right shape with wrong pieces, sometimes raw text. */
export interface MatchInput {
  dataset: string;
  query: string;
  contentType: string;
  body: string;
}

const DATASETS = ['default', 'sanctions', 'dprk', 'us_ofac_sdn', 'un_sc_sanctions', 'nope', 'constructor', '__proto__', '..%2f..%2fetc%2fpasswd', '%E0%A4%A', "x'%20OR%201=1--", ''];
const QUERIES = ['', 'threshold=0.9', 'threshold=2', 'threshold=-1', 'threshold=NaN', 'cutoff=0', 'cutoff=abc', 'limit=1', 'limit=500', 'limit=0', 'limit=1e3',
  'limit=99999999999999999999', 'algorithm=best', 'algorithm=regression-v1', 'algorithm=__proto__', 'include_dataset=x', 'exclude_dataset=dprk', 'topics=sanction',
  'changed_since=2024-01-01', 'changed_since=garbage', 'limit=5&limit=6', 'threshold=', '%zz=1', 'a[b]=c'];

export const matchInputArb: fc.Arbitrary<MatchInput> = fc.record({
  dataset: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('default', 'dprk', 'sanctions') }, { weight: 1, arbitrary: fc.constantFrom(...DATASETS) }),
  query: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...QUERIES), { maxLength: 3 }).map((qs) => qs.filter(Boolean).join('&')) }),
  contentType: fc.oneof({ weight: 10, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', '', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json;;;') }),
  body: fc.oneof(
    { weight: 24, arbitrary: fc.record({ queries: fc.oneof({ weight: 20, arbitrary: fc.dictionary(fc.constantFrom('q', 'a', 'b', '__proto__', 'constructor', '0', ''), exampleArb, { minKeys: 1, maxKeys: 4 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), weights: numericParams, config: numericParams }, { requiredKeys: ['queries'] }).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.record({ queries: fc.jsonValue({ maxDepth: 2 }), weights: numericParams }, { requiredKeys: [] }).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.integer({ min: 90, max: 130 }).map((n) => JSON.stringify({ queries: Object.fromEntries(Array.from({ length: n }, (_, k) => [`q${k}`, { schema: 'Person', properties: { name: [`Kim ${k}`] } }])) })) },
    { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1000, max: 200_000 }), fc.constantFrom('[', '{"queries":')).map(([n, o]) => o.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1_040_000, max: 1_200_000 }).map((n) => JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['a'.repeat(n)] } } } })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '1', '{}', '{"queries":null}', '{"queries":{"q":null}}', '{"queries":{"__proto__":{"schema":"Person","properties":{"name":["x"]}}}}', '\uFEFF{"queries":{}}') },
  ),
});
