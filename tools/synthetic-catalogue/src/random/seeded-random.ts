/**
 * A small seeded pseudo-random generator (sfc32, seeded through a 128-bit string hash): the same
 * key always gives the same sequence, on every machine and Node version. Each item of a catalogue
 * draws from its own stream (`SeededRandom.of(seed, 'story', 41)`), so any item can be generated
 * alone, in any order, without generating the ones before it.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor([a, b, c, d]: readonly [number, number, number, number]) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    for (let i = 0; i < 12; i++) this.next(); // sfc32's first outputs still show the seed
  }

  /** The stream named by `key`: its parts are joined, so `of(seed, 'story', 1)` and `of(seed, 'story', 2)` differ. */
  static of(...key: readonly (string | number)[]): SeededRandom {
    return new SeededRandom(cyrb128(key.join('\u0000')));
  }

  /** A number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `items`, each as likely. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` different items of `items` (all of them when there are fewer), in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const taken: T[] = [];
    while (taken.length < count && pool.length) taken.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return taken;
  }
}

/**
 * Ranks 0 to n-1 drawn with Zipf's law (rank k with weight 1 / (k + 1)^exponent): a few ranks
 * take most draws and a long tail takes the rest, as companies and practices do in a real catalogue.
 */
export class ZipfTable {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent = 1,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a Zipf table needs at least one rank, got ${size}`);
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let k = 0; k < size; k++) this.cumulative[k] = total += 1 / (k + 1) ** exponent;
    for (let k = 0; k < size; k++) this.cumulative[k] /= total;
  }

  /** A rank, drawn from `random`. */
  draw(random: SeededRandom): number {
    const u = random.next();
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid] > u) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** `count` different ranks (at most `size`), in the order drawn. */
  drawDistinct(random: SeededRandom, count: number): number[] {
    const ranks = new Set<number>();
    const wanted = Math.min(count, this.size);
    for (let tries = 0; ranks.size < wanted && tries < wanted * 20; tries++) ranks.add(this.draw(random));
    for (let k = 0; ranks.size < wanted; k++) ranks.add(k); // a tiny table drawn dry: fill from the top
    return [...ranks];
  }
}

/** cyrb128: a fast 128-bit string hash, used only to seed the generator. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
