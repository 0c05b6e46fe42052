/** Values numbered in the order first seen (by identity for objects). */
export class Interned<T> {
  private readonly values: T[] = [];
  private readonly index = new Map<T, number>();

  of(value: T): number {
    let i = this.index.get(value);
    if (i === undefined) this.index.set(value, (i = this.values.push(value) - 1));
    return i;
  }

  at(i: number): T {
    return this.values[i];
  }

  get length(): number {
    return this.values.length;
  }

  /** Every value, by its number (the array itself, still growing as values are added). */
  all(): T[] {
    return this.values;
  }
}
