/** Rows of `width` numbers in one typed array, which grows as rows are added. */
export class GrowingRows<T extends Int32Array | Float64Array> {
  data: T;
  private used = 0;

  constructor(
    private readonly make: (length: number) => T,
    private readonly width: number,
  ) {
    this.data = make(4096);
  }

  /** Room for one more row: its first place in `data` (read `data` after: it may be a new array). */
  addRow(): number {
    if (this.used + this.width > this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const at = this.used;
    this.used += this.width;
    return at;
  }
}

export const ints = (width: number) => new GrowingRows((n) => new Int32Array(n), width);
export const numbers = (width: number) => new GrowingRows((n) => new Float64Array(n), width);
