import type { Method, QueryParams } from './encode';

/** What an operation asks of the gateway, before any attempt is signed. */
export interface OperationRequest {
  /** The spec's operation name, for errors and logs (never a secret). */
  operation: string;
  method: Method;
  region: string;
  /** Already encoded, from operationPath(). */
  path: string;
  query?: QueryParams;
  body?: Record<string, unknown>;
  /**
   * `read`: retried on 429, 5xx and lost connections. `write`: retried only when
   * the gateway cannot have applied it (429, connection refused).
   */
  kind: 'read' | 'write';
}
