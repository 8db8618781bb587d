/**
 * Multi-part AIS message assembly with bounded memory. Fragments are grouped by a key the caller builds from the
 * talker, sequential message id, channel and fragment count; they must arrive in order (1, 2, …). Every fragment
 * that cannot become part of a complete message is counted once as `orphan_fragment`: a fragment n > 1 with no
 * matching message in progress, the fragments of a message replaced by a new fragment 1 under the same key,
 * evicted because `maxPending` messages are in progress, broken by a bad fragment, or still incomplete at the end.
 */
import { MAX_PAYLOAD_CHARS, SIXBIT_OF_BYTE, INVALID_SIXBIT, type SixBitReader } from './armor.js';
import { REASON, type AisCounters } from './stats.js';

/** An incomplete message: its payload so far, as 6-bit values. */
class PendingMessage {
  readonly six = new Uint8Array(MAX_PAYLOAD_CHARS);
  chars = 0;
  /** The fragment number expected next. */
  next = 1;
  t = NaN;

  start(t: number): void {
    this.chars = 0;
    this.next = 1;
    this.t = t;
  }

  /** Adds fragment bytes buf[p0, p1); false if a byte is not payload armour or the message grows too long. */
  add(buf: Uint8Array, p0: number, p1: number): boolean {
    if (this.chars + (p1 - p0) > MAX_PAYLOAD_CHARS) return false;
    let n = this.chars;
    for (let i = p0; i < p1; i++) {
      const v = SIXBIT_OF_BYTE[buf[i]];
      if (v === INVALID_SIXBIT) return false;
      this.six[n++] = v;
    }
    this.chars = n;
    this.next++;
    return true;
  }

  get received(): number {
    return this.next - 1;
  }
}

export class FragmentAssembler {
  private readonly pending = new Map<number, PendingMessage>();
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
    let p = this.pending.get(key);
    if (number === 1) {
      if (p) this.drop(key, p); // a new message under the same key: the old one will never complete
      if (this.pending.size >= this.maxPending) this.evictOldest();
      p = this.spare.pop() ?? new PendingMessage();
      p.start(t);
      if (!p.add(buf, p0, p1)) {
        this.counters.error(REASON.malformed);
        this.spare.push(p);
        return false;
      }
      this.pending.set(key, p);
      return false;
    }
    if (!p || p.next !== number) {
      this.counters.error(REASON.orphan_fragment);
      if (p) this.drop(key, p);
      return false;
    }
    if (!p.add(buf, p0, p1)) {
      this.counters.error(REASON.malformed);
      this.drop(key, p);
      return false;
    }
    if (p.t !== p.t) p.t = t;
    if (number < count) return false;
    reader.reset();
    reader.appendSix(p.six, p.chars);
    reader.setFillBits(fill);
    this.completedTime = p.t;
    this.pending.delete(key);
    this.spare.push(p);
    return true;
  }

  /** End of input: every message still in progress is dropped, its fragments counted as orphans. */
  flush(): void {
    for (const [key, p] of this.pending) this.drop(key, p);
  }

  private drop(key: number, p: PendingMessage): void {
    this.counters.errors[REASON.orphan_fragment] += p.received;
    this.pending.delete(key);
    this.spare.push(p);
  }

  private evictOldest(): void {
    for (const [key, p] of this.pending) {
      this.drop(key, p);
      return;
    }
  }
}
