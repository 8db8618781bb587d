/**
 * Multi-part AIS message assembly with bounded memory. Fragments are grouped by a key the caller builds from the
 * talker, sequential message id, channel and fragment count; they must arrive in order (1, 2, …). Every fragment
 * that cannot become part of a complete message is counted once as `orphan_fragment`: a fragment n > 1 with no
 * matching message in progress, the fragments of a message replaced by a new fragment 1 under the same key,
 * evicted because `maxPending` messages are in progress, broken by a bad fragment, or still incomplete at the end.
 */
import { MAX_PAYLOAD_CHARS, SIXBIT_OF_BYTE, INVALID_SIXBIT, FNV_OFFSET, FNV_PRIME, type SixBitReader } from './armor.js';
import { REASON, type AisCounters } from './stats.js';

/** An incomplete message: its payload so far, as 6-bit values, and their hash (see SixBitReader.hash). */
class PendingMessage {
  readonly six = new Uint8Array(MAX_PAYLOAD_CHARS);
  chars = 0;
  hash = FNV_OFFSET;
  /** The fragment number expected next. */
  next = 1;
  t = NaN;

  start(t: number): void {
    this.chars = 0;
    this.hash = FNV_OFFSET;
    this.next = 1;
    this.t = t;
  }

  /** Adds fragment bytes buf[p0, p1); false if a byte is not payload armour or the message grows too long. */
  add(buf: Uint8Array, p0: number, p1: number): boolean {
    if (this.chars + (p1 - p0) > MAX_PAYLOAD_CHARS) return false;
    let n = this.chars;
    let h = this.hash;
    const six = this.six;
    for (let i = p0; i < p1; i++) {
      const v = SIXBIT_OF_BYTE[buf[i]];
      if (v === INVALID_SIXBIT) return false;
      six[n++] = v;
      h = Math.imul(h ^ v, FNV_PRIME);
    }
    this.hash = h;
    this.chars = n;
    this.next++;
    return true;
  }

  get received(): number {
    return this.next - 1;
  }
}

/**
 * Messages in progress, oldest first, as parallel arrays searched linearly: there are at most maxPending (64 by
 * default) and usually one or two, and the keys exceed V8's small integers, which makes Map lookups comparatively slow.
 */
export class FragmentAssembler {
  private readonly keys: number[] = [];
  private readonly messages: PendingMessage[] = [];
  /** Finished PendingMessage objects, reused. */
  private readonly spare: PendingMessage[] = [];
  /** Receive time of the message last completed by add(): its first fragment's, else the first later one known. */
  completedTime = NaN;

  constructor(
    private readonly counters: AisCounters,
    private readonly maxPending: number,
  ) {}

  /**
   * Adds fragment `number` of `count` (payload buf[p0, p1), received at t). When it completes its message, loads the
   * whole payload into `reader` (with the last fragment's fill bits), sets completedTime and returns true.
   */
  add(key: number, buf: Uint8Array, p0: number, p1: number, fill: number, count: number, number: number, t: number,
    reader: SixBitReader): boolean {
    let at = this.indexOf(key);
    if (number === 1) {
      if (at >= 0) this.drop(at); // a new message under the same key: the old one will never complete
      if (this.keys.length > 0 && this.keys.length >= this.maxPending) this.drop(0); // the oldest
      const p = this.spare.pop() ?? new PendingMessage();
      p.start(t);
      if (!p.add(buf, p0, p1)) {
        this.counters.error(REASON.malformed);
        this.spare.push(p);
        return false;
      }
      this.keys.push(key);
      this.messages.push(p);
      return false;
    }
    const p = at >= 0 ? this.messages[at] : undefined;
    if (!p || p.next !== number) {
      this.counters.error(REASON.orphan_fragment);
      if (p) this.drop(at);
      return false;
    }
    if (!p.add(buf, p0, p1)) {
      this.counters.error(REASON.malformed);
      this.drop(at);
      return false;
    }
    if (p.t !== p.t) p.t = t;
    if (number < count) return false;
    reader.load(p.six, p.chars, p.hash);
    reader.setFillBits(fill);
    this.completedTime = p.t;
    this.remove(at);
    this.spare.push(p);
    return true;
  }

  /** End of input: every message still in progress is dropped, its fragments counted as orphans. */
  flush(): void {
    while (this.keys.length) this.drop(this.keys.length - 1);
  }

  /** Where the message in progress under `key` is, else -1 (the newest are likeliest: searched from the end). */
  private indexOf(key: number): number {
    const keys = this.keys;
    for (let i = keys.length - 1; i >= 0; i--) if (keys[i] === key) return i;
    return -1;
  }

  private drop(at: number): void {
    const p = this.messages[at];
    this.counters.errors[REASON.orphan_fragment] += p.received;
    this.remove(at);
    this.spare.push(p);
  }

  /** Removes entry `at`, keeping the order (by hand: splice() allocates an array per call). */
  private remove(at: number): void {
    const keys = this.keys;
    const messages = this.messages;
    const last = keys.length - 1;
    for (let i = at; i < last; i++) {
      keys[i] = keys[i + 1];
      messages[i] = messages[i + 1];
    }
    keys.pop();
    messages.pop();
  }
}
