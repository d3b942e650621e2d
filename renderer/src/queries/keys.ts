import type { DataTopic } from '../../../electron/ipc/contract';

/**
 * Query keys start with the data topic main names in its `dataChanged`
 * events, so one event invalidates every query of that topic.
 */
export const queryKeys = {
  accessKeys: {
    all: ['accessKeys'] as const,
    list: ['accessKeys', 'list'] as const,
    /** Every key's details page: a reconcile changes each key's secret status. */
    detailsAll: ['accessKeys', 'detail'] as const,
    detail: (id: string) => ['accessKeys', 'detail', id] as const,
    /** Every key's grants: a binding change on the provider side reaches them all. */
    grantsAll: ['accessKeys', 'grants'] as const,
    grants: (id: string) => ['accessKeys', 'grants', id] as const,
  },
  apiGroups: {
    all: ['apiGroups'] as const,
    list: ['apiGroups', 'list'] as const,
  },
  authorizations: {
    all: ['authorizations'] as const,
    list: ['authorizations', 'list'] as const,
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
