/**
 * Seeded pseudo-random numbers for the demo generator. sfc32 is fast, has a 128-bit
 * state and passes PractRand; splitmix32 spreads (seed, stream) over that state so every
 * customer gets its own independent stream and can be regenerated on its own.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
// Four hex digits per 16 bits: a UUID is then 8 pieces instead of 16, which matters at ~40 M ids.
const HEX4: string[] = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));

export type WeightedEntries<T> = readonly (readonly [T, number])[];

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /**
   * When set, uuid() starts with these 32 bits instead of random ones. Giving all rows of
   * one customer the same, index-ordered prefix makes bulk loads append to the right edge
   * of every primary-key index instead of touching random pages: several times faster at
   * millions of rows. The other 90 bits stay random.
   */
  idPrefix: number | undefined;

  /** `stream` selects an independent sequence for the same seed (e.g. a customer index). */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32((seed ^ Math.imul(stream >>> 0, 0x2c1b3c6d)) >>> 0);
    const mix2 = splitmix32(Math.floor(stream / 0x1_0000_0000) ^ 0x5bd1e995);
    this.a = mix() ^ mix2();
    this.b = mix();
    this.c = mix() ^ (stream >>> 0);
    this.d = 1;
    this.idPrefix = undefined;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() needs at least one item');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: WeightedEntries<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.float() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted() needs at least one entry');
    return last[0];
  }

  /** `length` lower-case hex characters. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const n = this.next();
      out += HEX[n & 0xff]! + HEX[(n >>> 8) & 0xff]! + HEX[(n >>> 16) & 0xff]! + HEX[n >>> 24]!;
    }
    return out.slice(0, length);
  }

  /** A UUID with the version 4 layout, drawn from this stream so it is reproducible. */
  uuid(): string {
    const a = this.idPrefix ?? this.next();
    const b = this.next();
    const c = this.next();
    const d = this.next();
    const version = ((b >>> 16) & 0x0fff) | 0x4000;
    const variant = ((c >>> 16) & 0x3fff) | 0x8000;
    return `${HEX4[a >>> 16]}${HEX4[a & 0xffff]}-${HEX4[b & 0xffff]}-${HEX4[version]}-${HEX4[variant]}-${HEX4[c & 0xffff]}${HEX4[d >>> 16]}${HEX4[d & 0xffff]}`;
  }

  /** A few digits, e.g. card last4. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.next() % 10);
    return out;
  }
}
