import type { AccessKeyService } from '../../core/access-keys/service';
import type { ConfirmGate, UserPresence } from '../../core/window-guards/confirmation';
import { parseTargetUrl } from '../../core/signing/request';
import type { TestCallInput } from '../../shared/test-call/rules';
import type { FlatHandlers } from '../dispatch';
import { requireConfirmation } from './ask';

/** How far back unasked-for sends are counted, to tell the user how hard the window is trying. */
const UNSTARTED_WINDOW_MS = 10_000;

export interface TestCallConsentDeps {
  accessKeys: AccessKeyService;
  presence: Pick<UserPresence, 'consumeUserActivation'>;
  gate: ConfirmGate;
  now?: () => number;
}

/**
 * A test call signs with a stored APISecret and sends the signature to any
 * host the page names, so a compromised page could use it to spray signed
 * requests. Main therefore sends only what the user started: each send uses
 * up one real click or key press that the OS delivered to the window in the
 * last few seconds (main sees them as 'input-event'; a page cannot forge or
 * mint them). A send without one is put to the user in a native dialog that
 * names the target, one dialog at a time (the rest are refused while it is
 * open). This was chosen over a plain per-window budget, which would still
 * let a page send a few signed requests every period without anyone knowing.
 * Limit: a page could hold a request back until the user's next click.
 */
export function requireStartedTestCall(handlers: Pick<FlatHandlers, 'testCall.send'>, { accessKeys, presence, gate, now = Date.now }: TestCallConsentDeps): Pick<FlatHandlers, 'testCall.send'> {
  // When the window asked without a click, to say in the dialog how often it is trying.
  let recent: number[] = [];
  return {
    'testCall.send': async (input) => {
      // Checked before anything else: no dialog, no secret, for a URL that could never be sent.
      parseTargetUrl(input.url);
      if (!presence.consumeUserActivation()) {
        const at = now();
        recent = [...recent.filter((time) => at - time < UNSTARTED_WINDOW_MS), at];
        await requireConfirmation(gate, {
          message: recent.length > 1 ? `The Gatekey window asks to send ${recent.length} requests without a click. Send this one?` : 'Send a test call that you did not start?',
          detail: `${describeTestCall(input, accessKeys)}\n\nGatekey saw no click or key press in its window just before this request. If you did not just press Send, choose Cancel: a script in the window may be using your key.`,
          confirmLabel: 'Send',
        }, 'testCallDeclined');
      }
      return handlers['testCall.send'](input);
    },
  };
}

/** Method, target and key, as the user needs them to judge the request (the URL shortened, never headers or body). */
function describeTestCall(input: TestCallInput, accessKeys: AccessKeyService): string {
  const url = input.url.length > 200 ? `${input.url.slice(0, 200)}…` : input.url;
  return `${input.method} ${url}\nsigned with ${signerOf(input, accessKeys)}.`;
}

function signerOf(input: TestCallInput, accessKeys: AccessKeyService): string {
  if (input.credentials.kind === 'manual') return `the APIKey ${input.credentials.apiKey} and an APISecret pasted into the form`;
  const id = input.credentials.accessKeyId;
  try {
    return `the access key "${accessKeys.get(id).name}" (ID ${id})`;
  } catch {
    return `the access key ${id}`;
  }
}
