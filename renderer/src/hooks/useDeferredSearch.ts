import { useDeferredValue } from 'react';

/**
 * The search text to ask main for. Main filters (a pass over text it keeps
 * lower-cased), so typing costs this window no work; deferring lets the
 * search box repaint in the keystroke's own frame and the query follow, while
 * the list keeps showing the previous answer until main's arrives.
 */
export function useDeferredSearch(query: string): string {
  return useDeferredValue(query);
}
