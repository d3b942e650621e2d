import type { SignedRequest } from '../../../electron/shared/signing/types';
import type { TestCallResponse as Response } from '../../../electron/shared/test-call/types';
import type { Result } from '../api';
import { prettyBody, statusClass } from '../store/test-call-input';
import { CodeBlock, HeaderTable } from './CodeBlock';
import { CurlBox } from './CurlBox';
import { ErrorAlert } from './ErrorAlert';
import { Icon } from './Icon';

export type SendState = { kind: 'none' } | { kind: 'sending' } | { kind: 'done'; result: Result<{ request: SignedRequest; response: Response }> };

const size = (text: string) => {
  const bytes = new TextEncoder().encode(text).length;
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};

/** The answer to Send: status, time, headers and body; for a refusal also what was signed, to compare. */
export function TestCallResponse({ state, shortcut }: { state: SendState; shortcut: string }) {
  if (state.kind === 'none') {
    return (
      <div className="panel-placeholder">
        <Icon name="send" size={20} />
        <p>
          No response yet. Press Send ({shortcut}): Gatekey signs the request afresh and sends it from its background process, without following redirects.
        </p>
      </div>
    );
  }
  if (state.kind === 'sending') {
    return (
      <p className="panel-placeholder" role="status">
        <span className="spinner spinner-dark" aria-hidden="true" /> Sending… (gives up after 30 s)
      </p>
    );
  }
  if (!state.result.ok) {
    const { error } = state.result;
    return (
      <div className="response-failed">
        <ErrorAlert error={error} />
        {error.code === 'INVALID_INPUT' && <p className="field-hint">Nothing was sent. Fix the marked fields and send again.</p>}
      </div>
    );
  }

  const { request, response } = state.result.data;
  const tone = statusClass(response.status);
  const body = prettyBody(response.body);
  return (
    <div className="response">
      <div className={`response-status response-status-${tone}`} role="status">
        <span className="response-status-code">
          {response.status} {response.statusText}
        </span>
        <span className="response-status-meta">
          {Math.round(response.timeMs)} ms · {size(response.body)}
          {response.truncated ? ' (truncated)' : ''}
        </span>
        <code className="response-status-url" title={request.url}>
          {request.method} {request.url}
        </code>
      </div>
      {tone === 'redirect' && (
        <p className="response-notice response-notice-redirect">
          <Icon name="link" size={14} />
          <span>
            Redirect to <code>{response.redirectTo ?? '(no Location header)'}</code> (not followed)
          </span>
        </p>
      )}
      {response.status >= 400 && response.status < 500 && (
        <div className="diagnose">
          <p className="diagnose-intro">
            <Icon name="warning" size={14} />
            <span>Refused. On a signature mismatch, compare what the server rebuilt (often in the body below) with what Gatekey signed and sent:</span>
          </p>
          <CodeBlock title="Canonical request sent" tone="diagnose">{request.canonicalRequest}</CodeBlock>
          <CodeBlock title="String to sign sent" tone="diagnose">{request.stringToSign}</CodeBlock>
        </div>
      )}
      <CodeBlock title="Response body" note={body.json ? 'JSON, pretty-printed' : undefined}>{body.text}</CodeBlock>
      {response.truncated && (
        <p className="response-notice">
          <Icon name="info" size={14} />
          <span>The body was longer than that and is truncated at 5 MiB.</span>
        </p>
      )}
      <HeaderTable title="Response headers" headers={response.headers} />
      {/* The preview of a stored key carries no signature; this is the request as signed and sent. */}
      <CurlBox curl={request.curl} />
    </div>
  );
}
