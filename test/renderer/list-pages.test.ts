import { describe, expect, it } from 'vitest';
import { PAGE_ROWS, pagesFor } from '../../renderer/src/queries/list-window';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('pagesFor: the pages a table asks main for', () => {
  it('asks for the pages holding the rendered rows and one either side', () => {
    expect(PAGE_ROWS).toBe(100);
    expect(pagesFor(range(0, 25), 5_000)).toEqual([0, 1]);
    expect(pagesFor(range(250, 275), 5_000)).toEqual([1, 2, 3]);
    expect(pagesFor(range(290, 315), 5_000)).toEqual([1, 2, 3, 4]);
  });

  it('adds a far pinned row (the focused one) with its neighbours, not the pages between', () => {
    expect(pagesFor([...range(0, 25), 4_999], 5_000)).toEqual([0, 1, 48, 49]);
  });

  it('never asks past the last page of the matches, nor beyond the first page before the count is known', () => {
    expect(pagesFor(range(0, 25), 3)).toEqual([0]);
    expect(pagesFor(range(0, 25), 0)).toEqual([0]);
    // Before the first answer only the first page is asked for, by the list itself.
    expect(pagesFor(range(0, 25), undefined)).toEqual([0]);
    expect(pagesFor(range(400, 425), undefined)).toEqual([]);
    expect(pagesFor([], 5_000)).toEqual([]);
  });
});
