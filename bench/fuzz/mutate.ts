/**
 * Structured mutations of real-looking inputs, as fast-check arbitraries.
 *
 * A fuzz input is a small valid file (a fixture, or a few lines of a staged official file) with a handful of
 * mutations applied: truncation, line deletion / duplication / swapping, wrong quoting, wrong encodings and invalid
 * UTF-8, huge fields, NUL and control bytes, out-of-range numbers, splices from another seed. Positions are fractions
 * of the current length, so one mutation applies to any input. Format-specific generators (xml.ts, nmea.ts, ...) add
 * their own mutations on top of these; every format also gets fully arbitrary bytes and strings.
 */
import fc from 'fast-check';

/** Byte sequences that break decoders: invalid or tricky UTF-8, BOMs, control bytes, OFAC's end-of-file byte. */
export const HOSTILE_BYTES: readonly number[][] = [
  [0x00], [0x1a], [0x0d], [0x0a], [0x0d, 0x0a], [0x09], [0x1b], [0x7f],
  [0xff], [0xfe], [0xc3], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x9f, 0x98], // truncated and invalid sequences
  [0xc0, 0xaf], [0xe0, 0x80, 0xaf], // overlong encodings
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded in UTF-8
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], // byte-order marks
  [0x81], [0x8d], [0x8f], [0x90], [0x9d], // undefined in Windows-1252
  [0xe9], [0xa0], // Latin-1 é, no-break space
  [0xe2, 0x80, 0xae], [0xe2, 0x80, 0x8b], [0xef, 0xbf, 0xbd], // RTL override, zero-width space, U+FFFD
];

/** Text tokens that stress any text format. */
export const HOSTILE_TEXT: readonly string[] = [
  '"', '""', '"""', "'", ',', ';', '\t', '\\', '\\"', '\r', '\n', '\r\n', '\n\n', '-0-', '-0- ',
  '<', '>', '&', '&amp;', '&#0;', '&#xD800;', '&#x110000;', '&unknown;', ']]>', '<![CDATA[', '<!--', '-->', '<?', '?>',
  '{', '}', '[', ']', ':', 'null', 'true', '{}', '[]', '"__proto__"', 'constructor', 'prototype',
  "' OR '1'='1", "'; DROP TABLE records; --", '%00', '%2e%2e%2f', '../', '..\\', '\u0000', '\uFEFF', '\uFFFF', '\uD800',
  '\u202E', '𝕂', '김정은', '조선', 'Ⅻ', 'ǅ', 'İ', 'ß', 'ﬁ', 'NaN', 'Infinity', '-Infinity', '1e309', '-1', '-0', '0x1F',
  '99999999999999999999999', '9007199254740993', '1.7976931348623157e308', '5e-324', ' ', '\u00A0', '\u3000',
];

/** Numbers that are out of every range a parser expects. */
export const BAD_NUMBERS: readonly string[] = [
  '-1', '-0', '0', '00000', '1e309', '-1e309', 'NaN', 'Infinity', '99999999999999999999', '9007199254740993', '2147483648',
  '4294967296', '0x10', '1,5', '1.2.3', '１２３', '٣', '+5', '.', '', ' ', '91', '181', '360', '511', '102.3', '1e-400',
];

/** One mutation, positions as fractions [0, 1) of the current length. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'deleteRange'; at: number; length: number }
  | { kind: 'insertBytes'; at: number; bytes: number[] }
  | { kind: 'insertText'; at: number; text: string }
  | { kind: 'replaceByte'; at: number; byte: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number; times: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'hugeField'; at: number; unit: string; times: number }
  | { kind: 'replaceAll'; from: string; to: string }
  | { kind: 'badNumber'; at: number; number: string }
  | { kind: 'splice'; at: number; from: number; length: number; other: number }
  | { kind: 'encoding'; to: 'utf16le' | 'utf16be' | 'latin1' | 'utf8-double' };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** The mutation arbitrary; `tokens` adds format-specific text (tag names, sentence fragments ...). */
export function mutationArb(tokens: readonly string[] = [], seeds = 1): fc.Arbitrary<Mutation> {
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT, ...tokens) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteRange' as const), at: fraction, length: fc.integer({ min: 1, max: 64 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertBytes' as const), at: fraction, bytes: fc.oneof(fc.constantFrom(...HOSTILE_BYTES), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 })) }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('insertText' as const), at: fraction, text }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('replaceByte' as const), at: fraction, byte: fc.integer({ min: 0, max: 255 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), at: fraction }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), at: fraction, times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 200 })) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: fraction, b: fraction }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('hugeField' as const), at: fraction, unit: fc.constantFrom('A', 'x ', '"', ',', 'é', '김', '<a>', '&amp;', '\t', '9', ';'), times: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1000, max: 20_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 1_200_000 }) }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replaceAll' as const), from: fc.constantFrom('"', ',', '\r\n', '\n', ' ', '<', '>', '/', '=', '-0-', ...tokens.slice(0, 8)), to: fc.constantFrom("'", ';', '\r', '\r\n', '', '\t', '"', '""', '\u0000') }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('badNumber' as const), at: fraction, number: fc.constantFrom(...BAD_NUMBERS) }) },
    { weight: seeds > 1 ? 1 : 0, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fraction, from: fraction, length: fc.integer({ min: 1, max: 400 }), other: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('encoding' as const), to: fc.constantFrom('utf16le' as const, 'utf16be' as const, 'latin1' as const, 'utf8-double' as const) }) },
  );
}

const pos = (buf: Buffer, at: number) => Math.floor(at * (buf.length + 1));

/**
 * Largest generated input. Mutations compound (a 1.2 M-character field duplicated 200 times would be 240 MB): inputs
 * are cut here, still far over any field or line limit, so a slow parse means a slow parser, not a huge input.
 */
export const MAX_INPUT_BYTES = 6 * 1024 * 1024;

/** [start, end) of every line (end excludes the line break). */
function lines(buf: Buffer): [number, number, number][] {
  const out: [number, number, number][] = [];
  let start = 0;
  for (;;) {
    const lf = buf.indexOf(0x0a, start);
    if (lf < 0) {
      if (start < buf.length) out.push([start, buf.length, buf.length]);
      return out;
    }
    out.push([start, lf, lf + 1]);
    start = lf + 1;
  }
}

/** Applies one mutation to `buf`; `others` are the other seeds (for splices). */
export function applyMutation(buf: Buffer, m: Mutation, others: readonly Buffer[] = []): Buffer {
  switch (m.kind) {
    case 'truncate':
      return buf.subarray(0, pos(buf, m.at));
    case 'deleteRange': {
      const p = pos(buf, m.at);
      return Buffer.concat([buf.subarray(0, p), buf.subarray(p + m.length)]);
    }
    case 'insertBytes': {
      const p = pos(buf, m.at);
      return Buffer.concat([buf.subarray(0, p), Buffer.from(m.bytes), buf.subarray(p)]);
    }
    case 'insertText': {
      const p = pos(buf, m.at);
      return Buffer.concat([buf.subarray(0, p), Buffer.from(m.text, 'utf8'), buf.subarray(p)]);
    }
    case 'replaceByte': {
      if (!buf.length) return buf;
      const out = Buffer.from(buf);
      out[Math.min(out.length - 1, pos(buf, m.at))] = m.byte;
      return out;
    }
    case 'deleteLine': {
      const ls = lines(buf);
      if (!ls.length) return buf;
      const [s, , next] = ls[Math.floor(m.at * ls.length)];
      return Buffer.concat([buf.subarray(0, s), buf.subarray(next)]);
    }
    case 'duplicateLine': {
      const ls = lines(buf);
      if (!ls.length) return buf;
      const [s, , next] = ls[Math.floor(m.at * ls.length)];
      const line = buf.subarray(s, next);
      const withBreak = line[line.length - 1] === 0x0a ? line : Buffer.concat([line, Buffer.from('\n')]);
      const times = Math.max(1, Math.min(m.times, Math.floor(MAX_INPUT_BYTES / withBreak.length)));
      return Buffer.concat([buf.subarray(0, next), ...Array(times).fill(withBreak), buf.subarray(next)]);
    }
    case 'swapLines': {
      const ls = lines(buf);
      if (ls.length < 2) return buf;
      let a = Math.floor(m.a * ls.length), b = Math.floor(m.b * ls.length);
      if (a === b) return buf;
      if (a > b) [a, b] = [b, a];
      const [as, ae] = ls[a], [bs, be] = ls[b];
      return Buffer.concat([buf.subarray(0, as), buf.subarray(bs, be), buf.subarray(ae, bs), buf.subarray(as, ae), buf.subarray(be)]);
    }
    case 'hugeField': {
      const p = pos(buf, m.at);
      return Buffer.concat([buf.subarray(0, p), Buffer.from(m.unit.repeat(Math.ceil(m.times / m.unit.length)), 'utf8'), buf.subarray(p)]);
    }
    case 'replaceAll':
      if (!m.from) return buf;
      return Buffer.from(buf.toString('latin1').split(m.from).join(m.to), 'latin1');
    case 'badNumber': {
      // Replace the run of digits at or after the position with an out-of-range number.
      const text = buf.toString('latin1');
      const re = /\d+(?:\.\d+)?/g;
      re.lastIndex = pos(buf, m.at);
      const hit = re.exec(text) ?? /\d+(?:\.\d+)?/.exec(text);
      if (!hit) return buf;
      return Buffer.concat([buf.subarray(0, hit.index), Buffer.from(m.number, 'utf8'), buf.subarray(hit.index + hit[0].length)]);
    }
    case 'splice': {
      if (!others.length) return buf;
      const other = others[m.other % others.length];
      const from = pos(other, m.from);
      const p = pos(buf, m.at);
      return Buffer.concat([buf.subarray(0, p), other.subarray(from, from + m.length), buf.subarray(p)]);
    }
    case 'encoding': {
      const text = buf.toString('utf8');
      if (m.to === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      if (m.to === 'utf16be') return Buffer.from(text, 'utf16le').swap16();
      if (m.to === 'latin1') return Buffer.from(text, 'latin1');
      return Buffer.from(buf.toString('latin1'), 'utf8'); // UTF-8 read as Latin-1 and encoded again
    }
  }
}

/**
 * Seeds with 0..maxMutations structured mutations applied, mixed with fully arbitrary bytes and strings.
 * `extra` are format-specific generators (deep XML, NMEA sentences with good checksums ...), given a weight each.
 */
export function mutatedBytes(
  seeds: readonly Buffer[],
  opts: { tokens?: readonly string[]; maxMutations?: number; extra?: { weight: number; arbitrary: fc.Arbitrary<Buffer> }[] } = {},
): fc.Arbitrary<Buffer> {
  const mutations = fc.array(mutationArb(opts.tokens, seeds.length), { minLength: 1, maxLength: opts.maxMutations ?? 5 });
  const mutated = fc.tuple(fc.nat({ max: seeds.length - 1 }), mutations).map(([i, ms]) => {
    let buf = seeds[i];
    for (const m of ms) {
      buf = applyMutation(buf, m, seeds);
      if (buf.length > MAX_INPUT_BYTES) buf = buf.subarray(0, MAX_INPUT_BYTES);
    }
    return buf;
  });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...seeds) },
    { weight: 14, arbitrary: mutated },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 512, unit: 'grapheme' }).map((s) => Buffer.from(s, 'utf8')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 512, unit: 'binary' }).map((s) => Buffer.from(s, 'utf8')) },
    ...(opts.extra ?? []),
  );
}

/** Chunk boundaries for streaming decoders: the input cut at up to 8 random places. */
export const cutsArb = fc.array(fraction, { maxLength: 8 }).map((cs) => [...cs].sort((a, b) => a - b));

export function cutInto(buf: Buffer, cuts: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  let last = 0;
  for (const c of cuts) {
    const p = Math.floor(c * buf.length);
    if (p > last) {
      out.push(buf.subarray(last, p));
      last = p;
    }
  }
  out.push(buf.subarray(last));
  return out;
}
