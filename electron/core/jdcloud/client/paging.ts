import type { Replied } from '../gateway-api';

/** The largest page the gateway serves (pageSize is [10, 100]): fewest round trips. */
export const PAGE_SIZE = 100;
/** 100,000 items: far past any account's real lists, it only stops a gateway that ignores pageNumber. */
const MAX_PAGES = 1000;

export interface Page<T> {
  requestId: string;
  items: T[];
  /** totalCount (queryKeys: total), when the gateway sent it. */
  total?: number | null;
}

/**
 * Walks pages 1, 2, ... until the total is reached (without a total: until a
 * page comes back short), or a page comes back empty.
 * Answers every item and the last page's requestId.
 */
export async function allPages<T>(fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>): Promise<Replied<T[]>> {
  const items: T[] = [];
  let requestId = '';
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber += 1) {
    const page = await fetchPage(pageNumber, PAGE_SIZE);
    requestId = page.requestId;
    items.push(...page.items);
    if (page.items.length === 0) break;
    // With a total, a short page is not the end: a gateway that serves fewer than asked (clamps pageSize)
    // would otherwise be read as a short list, and pull would drop links and tombstones of what it missed.
    if (page.total !== undefined && page.total !== null) {
      if (items.length >= page.total) break;
    } else if (page.items.length < PAGE_SIZE) break;
  }
  return { requestId, result: items };
}
