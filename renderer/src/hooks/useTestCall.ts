import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '../../../electron/shared/errors';
import type { SignedRequest } from '../../../electron/shared/signing/types';
import { client, type Result } from '../api';
import type { SignatureState } from '../components/SignaturePanel';
import type { SendState } from '../components/TestCallResponse';
import type { BuiltInput, TestCallInput } from '../store/test-call-input';

/** Typing pauses this long before the request is signed again. */
export const PREVIEW_DELAY_MS = 300;

/**
 * The live signature preview and the Send action for the Test Call form.
 * Everything here is component state: it may hold a pasted secret (inside the
 * input), so it must never move into the store.
 */
export function useTestCall(built: BuiltInput, onResult: (result: Result<unknown>, input: TestCallInput) => void) {
  const [revision, setRevision] = useState(0);
  // The input as text: effects compare it by value, so an equal form does not sign again.
  const key = built.ok ? JSON.stringify(built.input) : null;
  const [preview, setPreview] = useState<{ key: string; revision: number; result: Result<SignedRequest> } | null>(null);
  const [sent, setSent] = useState<SendState>({ kind: 'none' });
  const latestResult = useRef(onResult);
  useEffect(() => {
    latestResult.current = onResult;
  });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    const timer = setTimeout(async () => {
      const input = JSON.parse(key) as TestCallInput;
      const result = await client.testCall.preview(input);
      if (!current) return;
      setPreview({ key, revision, result });
      latestResult.current(result, input);
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, revision]);

  let signature: SignatureState;
  if (!built.ok) signature = { kind: 'incomplete', missing: built.missing };
  else if (!preview) signature = { kind: 'waiting' };
  else {
    const stale = preview.key !== key || preview.revision !== revision;
    signature = preview.result.ok ? { kind: 'ready', request: preview.result.data, stale } : { kind: 'failed', error: preview.result.error, stale };
  }

  const sending = sent.kind === 'sending';
  const send = async () => {
    if (!built.ok || sending) return;
    setSent({ kind: 'sending' });
    const { input } = built;
    const result = await client.testCall.send(input);
    setSent({ kind: 'done', result });
    latestResult.current(result, input);
  };

  // Inline errors come from main's answer to the preview of this form (kept while a newer one is on its way);
  // Send checks the same input, so it cannot find anything the preview did not.
  const fieldErrors: FieldErrors = (built.ok && preview && !preview.result.ok && preview.result.error.fields) || {};

  return { signature, sent, sending, send, fieldErrors, resign: () => setRevision((r) => r + 1) };
}
