import type { TestCallService } from '../../core/test-call/service';
import type { Handlers } from '../dispatch';

export function testCallHandlers(testCalls: TestCallService): Handlers['testCall'] {
  return {
    preview: (input) => testCalls.preview(input),
    send: (input) => testCalls.send(input),
  };
}
