import { randomUUID } from 'node:crypto';
import type { SendRequest } from '../../ports/http-sender';
import type { GatewayApi } from '../gateway-api';
import { gatewayOperations } from './operations';
import { DEFAULT_RETRY, type RetryOptions } from './retry';

export { gatewayStatusOf, isUnclear, requestIdOf } from './errors';
export { DEFAULT_RETRY, type RetryOptions } from './retry';

export interface GatewayClientOptions {
  /** Scheme, host and port of the management OpenAPI (JDCLOUD_DEFAULT_ENDPOINT, or an emulator). */
  endpoint: string;
  accessKeyId: string;
  /** The account's SecretKey: key material, used only to sign. */
  secretKey: string;
  send: SendRequest;
  now?: () => Date;
  nonce?: () => string;
  sleep?: (ms: number) => Promise<void>;
  retry?: Partial<RetryOptions>;
  /** Jitter source, for tests. */
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A GatewayApi over HTTP: every attempt signed afresh, reads retried, writes retried only when surely not applied. */
export function createGatewayClient(options: GatewayClientOptions): GatewayApi {
  return gatewayOperations({
    endpoint: new URL(options.endpoint),
    credentials: { accessKeyId: options.accessKeyId, secretKey: options.secretKey },
    send: options.send,
    now: options.now ?? (() => new Date()),
    nonce: options.nonce ?? randomUUID,
    sleep: options.sleep ?? realSleep,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    ...(options.random ? { random: options.random } : {}),
  });
}
