/**
 * Duplicate detection for AIS messages heard by several receivers (or relayed twice): the same payload (6-bit values
 * and bit length, whatever the talker, channel or tag block) again within a window of receive time and of message
 * count. Memory is fixed: a 4-way set-associative table of payload hashes, the set chosen by the hash's top bits, a
 * full set replacing its oldest entry. A duplicate is missed only if 4 newer payloads of the same set arrived in
 * between (rare within the window); a false duplicate needs a 32-bit hash collision with the same bit length.
 */

const SET_BITS = 14;
const WAYS = 4;
const SET_SHIFT = 32 - SET_BITS;
const ENTRIES = (1 << SET_BITS) * WAYS;
// murmur3 fmix32: spreads the FNV hash so that its top bits choose the set well.
const MIX_1 = 0x85ebca6b;
const MIX_2 = 0xc2b2ae35;

export class DuplicateFilter {
  private readonly hash = new Int32Array(ENTRIES);
  private readonly bits = new Int32Array(ENTRIES);
  /** Message ordinal when recorded; 0 = empty entry. */
  private readonly ordinal = new Float64Array(ENTRIES);
  private readonly time = new Float64Array(ENTRIES);

  constructor(
    private readonly windowMs: number,
    private readonly windowMessages: number,
  ) {}

  /**
   * Whether a payload (hash, bit length) was recorded within the window before message `ordinal` (≥ 1) received at
   * t (NaN if unknown: then only the message window applies); records it if not.
   */
  seen(payloadHash: number, bitLength: number, ordinal: number, t: number): boolean {
    if (this.windowMessages <= 0) return false;
    let h = payloadHash;
    h ^= h >>> 16;
    h = Math.imul(h, MIX_1);
    h ^= h >>> 13;
    h = Math.imul(h, MIX_2);
    h ^= h >>> 16;
    const base = (h >>> SET_SHIFT) * WAYS;
    let oldest = base;
    for (let e = base; e < base + WAYS; e++) {
      const at = this.ordinal[e];
      if (this.hash[e] === h && this.bits[e] === bitLength && at > 0 && ordinal - at <= this.windowMessages
        && !(Math.abs(t - this.time[e]) > this.windowMs)) {
        return true;
      }
      if (at < this.ordinal[oldest]) oldest = e;
    }
    this.hash[oldest] = h;
    this.bits[oldest] = bitLength;
    this.ordinal[oldest] = ordinal;
    this.time[oldest] = t;
    return false;
  }
}
