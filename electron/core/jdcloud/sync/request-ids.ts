import { requestIdOf } from '../client/index';
import type { Replied } from '../gateway-api';

/**
 * Calls that keep every gateway reply's requestId, failures' included, in the
 * order they came: what a report gives JD Cloud support.
 */
export function keepingRequestIds() {
  const requestIds: string[] = [];
  async function call<T>(request: () => Promise<Replied<T>>): Promise<T> {
    try {
      const replied = await request();
      requestIds.push(replied.requestId);
      return replied.result;
    } catch (error) {
      const requestId = requestIdOf(error);
      if (requestId) requestIds.push(requestId);
      throw error;
    }
  }
  return { requestIds, call };
}
