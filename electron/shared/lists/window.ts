import { z } from 'zod';

/*
 * Lists are queried in windows: main searches, sorts and counts; the window
 * asks for the rows it shows (plus a margin) and never holds a whole collection.
 */

/** Most rows one answer carries: a screenful many times over, far from a collection. */
export const MAX_WINDOW_ROWS = 500;
/** A search box holds one line; longer text cannot be a useful search. */
export const MAX_SEARCH_CHARS = 200;
/** Beyond any collection the store can hold; bounds the number only. */
const MAX_OFFSET = 100_000_000;

/** What every list query takes, each field named: the search as typed (main trims it and ignores case) and the window. */
export const windowInput = {
  search: z.string().max(MAX_SEARCH_CHARS),
  offset: z.number().int().min(0).max(MAX_OFFSET),
  limit: z.number().int().min(1).max(MAX_WINDOW_ROWS),
};

/** One window of a list in its current order. */
export interface ListWindow<T> {
  /** Records in the collection. */
  total: number;
  /** Records the search matches (all of them for an empty search). */
  matching: number;
  /** Index of rows[0] among the matching records. */
  offset: number;
  rows: T[];
}

/** Where a record sits in a list's current order, or null when the search hides it (or it is gone). */
export interface ListPosition {
  index: number | null;
  matching: number;
}

/** The Access Key list's orders: by creation, either way, and by name for pickers. */
export const accessKeyOrders = ['newest', 'oldest', 'name'] as const;
export type AccessKeyOrder = (typeof accessKeyOrders)[number];

/**
 * Most API groups `apiGroups.list` answers with, for the Bind dialog and the Test Call host picker:
 * as many as one Bind can name, far above a real catalogue (1,000 groups is a large one).
 */
export const MAX_LISTED_GROUPS = 5_000;
