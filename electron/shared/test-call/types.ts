/** The answer to a test call, as the Test Call screen shows it. */
export interface TestCallResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
  /** The body was longer than 5 MiB and was cut there. */
  truncated: boolean;
  timeMs: number;
  /** Where a 3xx points; shown, never followed. */
  redirectTo?: string;
}
