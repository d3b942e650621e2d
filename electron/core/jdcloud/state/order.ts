/**
 * Code-unit order, the same on every machine and locale: a state file
 * exported twice, anywhere, is byte-identical. (localeCompare is not.)
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares by each key in turn. */
export function byKeys<T>(...keys: Array<(item: T) => string>): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const order = byText(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  };
}
