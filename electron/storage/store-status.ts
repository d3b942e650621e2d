/** Whether the metadata store could be opened; an unreadable file is kept and named. */
export type StoreStatus = { state: 'ok'; file: string } | { state: 'unreadable'; file: string; problem: string };
