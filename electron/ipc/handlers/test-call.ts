import type { TestCallService } from '../../core/test-call/service';
import type { Handlers } from '../dispatch';

export function testCallHandlers(testCalls: TestCallService): Pick<Handlers, 'previewTestCall' | 'sendTestCall'> {
  return {
    previewTestCall: (input) => testCalls.preview(input),
    sendTestCall: (input) => testCalls.send(input),
  };
}
