import type { DataTopic } from '../../../electron/ipc/contract';

/**
 * Query keys start with the data topic main names in its `dataChanged`
 * events, so one event invalidates every query of that topic.
 */
export const queryKeys = {
  accessKeys: {
    all: ['accessKeys'] as const,
    /** Every window of the list: `[...pages, params, page]` (queries/list-window.ts). */
    pages: ['accessKeys', 'query'] as const,
    /** Names of the keys Health lists by ID. */
    names: (ids: readonly string[]) => ['accessKeys', 'names', ids] as const,
    /** Every key's details page: a reconcile changes each key's secret status. */
    detailsAll: ['accessKeys', 'detail'] as const,
    detail: (id: string) => ['accessKeys', 'detail', id] as const,
    /** Every key's grants: a binding change on the provider side reaches them all. */
    grantsAll: ['accessKeys', 'grants'] as const,
    grants: (id: string) => ['accessKeys', 'grants', id] as const,
  },
  apiGroups: {
    all: ['apiGroups'] as const,
    /** The bounded catalogue for Bind and the Test Call host picker. */
    list: ['apiGroups', 'list'] as const,
    pages: ['apiGroups', 'query'] as const,
  },
  authorizations: {
    all: ['authorizations'] as const,
    pages: ['authorizations', 'query'] as const,
    detail: (id: string) => ['authorizations', 'detail', id] as const,
    /** Where a row sits in the list as searched, to scroll to it. */
    position: (id: string, search: string) => ['authorizations', 'position', id, search] as const,
  },
  /**
   * The connected JD Cloud account and the last apply's report (main's `dataChanged` names the
   * topic when they change). The plan is asked for only when the user plans: it reads the
   * gateway, so a change here only marks it out of date (see queries/jdcloud.ts).
   */
  jdcloud: {
    all: ['jdcloud'] as const,
    account: ['jdcloud', 'account'] as const,
    plan: ['jdcloud', 'plan'] as const,
    lastApply: ['jdcloud', 'lastApply'] as const,
  },
  /**
   * Not a data topic: what main last said of the OS keychain (from a call, a
   * failed keychain call or a `keychainState` event) and the last reconcile report.
   */
  keychain: {
    all: ['keychain'] as const,
    state: ['keychain', 'state'] as const,
    reconcile: ['keychain', 'reconcile'] as const,
  },
  /**
   * Not a data topic: what main would make of one set of dropped or chosen key
   * files, asked once per set (main checks everything again on confirm).
   */
  keyImport: {
    preview: (draft: number) => ['keyImport', 'preview', draft] as const,
  },
  /** Not a data topic: main pushes the store's part by `storeStatus` events. */
  app: {
    status: ['app', 'status'] as const,
    about: ['app', 'about'] as const,
    /** The welcome's try-the-keychain probe. */
    keychainProbe: ['app', 'keychainProbe'] as const,
  },
} satisfies Record<DataTopic, { all: readonly [DataTopic] } & Record<string, unknown>> & Record<string, Record<string, unknown>>;
