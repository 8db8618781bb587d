/**
 * Worker thread for parallel ingest (parallel.ts): decodes one byte range of an AIS file (the lines that start in it)
 * and sends back the positions as typed columns (transferred, not copied) and the static records as plain arrays.
 * Each range has its own decoder: a multi-part message cut by a range boundary is lost (counted as orphan fragments),
 * and a `$PGHP` time does not carry into the next range — use tag-blocked or time-stamped lines for parallel ingest.
 */
import { parentPort } from 'node:worker_threads';
import { closeSync, openSync, readSync } from 'node:fs';
import { createCsvDecoder, createNmeaDecoder, type AisPosition, type AisStatic, type AisStats } from '../../sources/ais/index.js';
import { csvMappingForHeader, type InputFormat } from './input-formats.js';

export interface DecodeTask {
  id: number;
  path: string;
  format: InputFormat;
  start: number;
  end: number;
  /** CSV: the header line, prepended to ranges after the first. */
  header?: string;
  defaultTime?: number;
}

export interface DecodedStatics {
  mmsi: number[];
  t: number[];
  msgType: number[];
  imo: (number | null)[];
  shipType: (number | null)[];
  name: (string | null)[];
  callSign: (string | null)[];
}

export interface DecodeResult {
  id: number;
  n: number;
  mmsi: Float64Array;
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  sog: Float32Array;
  cog: Float32Array;
  heading: Int16Array;
  nav: Int8Array;
  cls: Uint8Array;
  statics: DecodedStatics;
  stats: AisStats;
}

const LF = 10;
const TAIL_BLOCK = 1 << 16;

/** The bytes of the lines that start in [start, end). */
function readRange(fd: number, start: number, end: number): Buffer {
  const from = Math.max(0, start - 1);
  let buf = Buffer.allocUnsafe(end - from);
  let n = readSync(fd, buf, 0, buf.length, from);
  buf = buf.subarray(0, n);
  // Complete the last line.
  if (n > 0 && buf[n - 1] !== LF) {
    const parts = [buf];
    let pos = from + n;
    for (;;) {
      const more = Buffer.allocUnsafe(TAIL_BLOCK);
      const k = readSync(fd, more, 0, TAIL_BLOCK, pos);
      if (k <= 0) break;
      const e = more.subarray(0, k).indexOf(LF);
      if (e >= 0) {
        parts.push(more.subarray(0, e + 1));
        break;
      }
      parts.push(more.subarray(0, k));
      pos += k;
    }
    buf = Buffer.concat(parts);
  }
  if (start === 0) return buf;
  // Skip the line that started before `start` (byte start - 1 is a line break when the range starts on a line).
  const first = buf.indexOf(LF);
  return first < 0 ? Buffer.alloc(0) : buf.subarray(first + 1);
}

function decode(task: DecodeTask): DecodeResult {
  const fd = openSync(task.path, 'r');
  let bytes: Buffer;
  try {
    bytes = readRange(fd, task.start, task.end);
  } finally {
    closeSync(fd);
  }
  // One position per line at most (roughly): size the columns by the line count.
  let lines = 1;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) lines++;
  const r: DecodeResult = {
    id: task.id, n: 0, mmsi: new Float64Array(lines), t: new Float64Array(lines), lat: new Float64Array(lines), lon: new Float64Array(lines),
    sog: new Float32Array(lines), cog: new Float32Array(lines), heading: new Int16Array(lines), nav: new Int8Array(lines), cls: new Uint8Array(lines),
    statics: { mmsi: [], t: [], msgType: [], imo: [], shipType: [], name: [], callSign: [] }, stats: {} as AisStats,
  };
  const onPosition = (p: AisPosition) => {
    const i = r.n++;
    r.mmsi[i] = p.mmsi;
    r.t[i] = p.t;
    r.lat[i] = p.lat;
    r.lon[i] = p.lon;
    r.sog[i] = p.sog === undefined ? NaN : p.sog;
    r.cog[i] = p.cog === undefined ? NaN : p.cog;
    r.heading[i] = p.heading === undefined ? -1 : p.heading;
    r.nav[i] = p.navStatus === undefined ? -1 : p.navStatus;
    r.cls[i] = p.cls === 'B' ? 1 : 0;
  };
  const st = r.statics;
  const onStatic = (s: AisStatic) => {
    st.mmsi.push(s.mmsi);
    st.t.push(s.t);
    st.msgType.push(s.msgType);
    st.imo.push(s.imo ?? null);
    st.shipType.push(s.shipType ?? null);
    st.name.push(s.name ?? null);
    st.callSign.push(s.callSign ?? null);
  };
  if (task.format === 'csv') {
    const header = task.header ?? '';
    const dec = createCsvDecoder({ mapping: csvMappingForHeader(header), onPosition, onStatic, defaultTime: task.defaultTime });
    if (task.start > 0) dec.push(`${header}\n`);
    dec.push(bytes);
    dec.end();
    r.stats = dec.stats();
  } else {
    const dec = createNmeaDecoder({ onPosition, onStatic, defaultTime: task.defaultTime });
    dec.push(bytes);
    dec.end();
    r.stats = dec.stats();
  }
  return r;
}

parentPort?.on('message', (task: DecodeTask) => {
  const r = decode(task);
  const cut = <T extends { buffer: ArrayBufferLike; slice(a: number, b: number): T }>(a: T) => a.slice(0, r.n);
  const out: DecodeResult = {
    ...r, mmsi: cut(r.mmsi), t: cut(r.t), lat: cut(r.lat), lon: cut(r.lon), sog: cut(r.sog), cog: cut(r.cog), heading: cut(r.heading), nav: cut(r.nav), cls: cut(r.cls),
  };
  parentPort!.postMessage(out, [out.mmsi.buffer, out.t.buffer, out.lat.buffer, out.lon.buffer, out.sog.buffer, out.cog.buffer, out.heading.buffer, out.nav.buffer,
    out.cls.buffer] as ArrayBuffer[]);
});
