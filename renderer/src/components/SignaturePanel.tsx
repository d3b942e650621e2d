import type { SignedRequest } from '../../../electron/shared/signing/types';
import { SIGNATURE_ON_SEND } from '../../../electron/shared/test-call/signature-on-send';
import type { IpcError } from '../api';
import { joinAnd } from '../store/test-call-input';
import { CodeBlock, HeaderTable } from './CodeBlock';
import { CurlBox } from './CurlBox';
import { ErrorAlert } from './ErrorAlert';
import { Icon } from './Icon';

export type SignatureState =
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'waiting' }
  | { kind: 'ready'; request: SignedRequest; stale: boolean }
  | { kind: 'failed'; error: IpcError; stale: boolean };

const added = new Set(['host', 'x-jdcloud-date', 'x-jdcloud-nonce', 'authorization']);
/** x-jdcloud-date (20240101T010203Z) as people read it. */
const signedAt = (request: SignedRequest): string => {
  const date = request.headersToAdd.find(([name]) => name.toLowerCase() === 'x-jdcloud-date')?.[1] ?? '';
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC` : date;
};
const sentence = (parts: string[]) => joinAnd(parts).replace(/^./, (c) => c.toUpperCase());

/** What Gatekey would send, step by step: canonical request, string to sign, headers and curl. */
export function SignaturePanel({ state, onResign }: { state: SignatureState; onResign(): void }) {
  if (state.kind === 'incomplete') {
    return (
      <div className="panel-placeholder">
        <Icon name="info" size={20} />
        <p>{sentence(state.missing)} to see the canonical request, the string to sign and the signed headers.</p>
      </div>
    );
  }
  if (state.kind === 'waiting') {
    return (
      <p className="panel-placeholder" role="status">
        <span className="spinner spinner-dark" aria-hidden="true" /> Signing…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className={state.stale ? 'signature is-stale' : 'signature'}>
        {state.error.code === 'INVALID_INPUT' && state.error.fields ? (
          <div className="panel-placeholder panel-placeholder-error">
            <Icon name="warning" size={20} />
            <p>Fix the marked fields to see the signature. {state.error.message}</p>
          </div>
        ) : (
          <ErrorAlert error={state.error} />
        )}
      </div>
    );
  }

  const { request, stale } = state;
  // A stored key's APISecret signs only on Send: the preview shows everything else.
  const onSend = request.signature === SIGNATURE_ON_SEND;
  return (
    <div className={stale ? 'signature is-stale' : 'signature'} aria-busy={stale}>
      <div className="signature-summary">
        <p className="signature-when">
          {onSend
            ? `Prepared ${signedAt(request)}. The signature is computed with the APISecret from the keychain when you press Send; the response shows what was signed.`
            : `Signed ${signedAt(request)}. Every change signs again, with a new date and nonce.`}
        </p>
        <button type="button" className="button button-small" onClick={onResign}>
          <Icon name="refresh" size={14} />
          <span>Sign again</span>
        </button>
      </div>
      <dl className="signature-facts">
        <div>
          <dt>Scope</dt>
          <dd>
            <code>{request.scope}</code>
          </dd>
        </div>
        <div>
          <dt>Signed headers</dt>
          <dd>
            <code>{request.signedHeaders}</code>
          </dd>
        </div>
      </dl>
      <CodeBlock title="Canonical request">{request.canonicalRequest}</CodeBlock>
      <CodeBlock title="String to sign">{request.stringToSign}</CodeBlock>
      <HeaderTable title="Headers to send" headers={request.headers} highlight={(name) => added.has(name.toLowerCase())} />
      <p className="field-hint signature-legend">Highlighted headers are added by Gatekey; the rest are yours.</p>
      <CurlBox curl={request.curl} signatureOnSend={onSend} />
    </div>
  );
}
