import { useId } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import type { FieldErrors } from '../../../electron/shared/errors';
import { algorithms, type Algorithm } from '../../../electron/shared/signing/types';
import { hostOf, scopeOfUrl, withoutBody } from '../store/test-call-input';
import { MANUAL_CREDENTIALS, type TestCallDraft } from '../store/test-call-slice';
import { FormField } from './FormField';
import { PairRowsEditor } from './PairRowsEditor';
import { SelectField } from './SelectField';
import { TestCallCredentials, type KeySearch } from './TestCallCredentials';

export interface TestCallFormProps {
  draft: TestCallDraft;
  update(patch: Partial<TestCallDraft>): void;
  keys: AccessKeySummary[];
  keySearch: KeySearch;
  groups: ApiGroupSummary[];
  secret: string;
  onSecret(secret: string): void;
  onGroup(groupId: string): void;
  errors: FieldErrors;
}

const NO_GROUP = 'none';
const noop = () => {};
const lineBreak = /[\r\n]/;

/** Everything about the request except method and URL: who signs, how, and what it carries. */
export function TestCallForm({ draft, update, keys, keySearch, groups, secret, onSecret, onGroup, errors }: TestCallFormProps) {
  const bodyId = useId();
  const fromHost = scopeOfUrl(draft.url);
  const group = groups.find((g) => g.id === draft.groupId);
  const region = draft.region.trim() || fromHost.region;
  const service = draft.service.trim() || fromHost.service;

  return (
    <div className="form test-call-form">
      <TestCallCredentials keys={keys} search={keySearch} credential={draft.credential} apiKey={draft.apiKey} secret={secret} errors={errors}
        onCredential={(credential) => {
          // A pasted secret does not outlive the choice to use it.
          if (credential !== MANUAL_CREDENTIALS) onSecret('');
          update({ credential });
        }}
        onApiKey={(apiKey) => update({ apiKey })} onSecret={onSecret} />

      <SelectField label="API group" value={group ? group.id : NO_GROUP}
        options={[{ value: NO_GROUP, label: 'None — type the URL' }, ...groups.map((g) => ({ value: g.id, label: `${g.name} (${g.environment})` }))]}
        onChange={(value) => onGroup(value === NO_GROUP ? '' : value)}
        hint={group ? `Host ${group.host} · region ${region ?? '—'} · service ${service ?? '—'}` : groups.length === 0 ? 'No API groups yet: type the URL.' : 'Fills the URL’s host.'} />

      <SelectField<Algorithm> label="Algorithm" value={draft.algorithm} onChange={(algorithm) => update({ algorithm })} error={errors.algorithm}
        options={algorithms.map((a) => ({ value: a, label: `${a}-HMAC-SHA256` }))} />

      <div className="scope-fields">
        <div className="form-row">
          <FormField label="Region" value={draft.region} onChange={(value) => update({ region: value })} onBlur={noop} error={errors.region}
            placeholder={fromHost.region ?? 'e.g. cn-north-1'} />
          <FormField label="Service" value={draft.service} onChange={(value) => update({ service: value })} onBlur={noop} error={errors.service}
            placeholder={fromHost.service ?? 'service name'} />
        </div>
        <p className="field-hint">
          {fromHost.region || hostOf(draft.url) === ''
            ? 'Left empty, they come from the host (service.region.…); type to override.'
            : 'This host (an IP address or single name) names no region or service: enter both.'}
        </p>
      </div>

      <PairRowsEditor title="Query parameters" noun="Query parameter" rows={draft.query} onChange={(query) => update({ query })}
        hint={draft.query.length > 0 ? 'Added to the URL’s query string when signing and sending.' : undefined} />

      <PairRowsEditor title="Headers" noun="Header" rows={draft.headers} onChange={(headers) => update({ headers })} error={errors.headers}
        isInvalid={errors.headers ? (row) => lineBreak.test(row.name) || lineBreak.test(row.value) : undefined}
        namePlaceholder="Content-Type" valuePlaceholder="application/json"
        hint="Every header you add is signed. Host and the x-jdcloud-* headers are added for you." />

      {withoutBody(draft.method) ? (
        <p className="field-hint">{draft.method} requests carry no body.</p>
      ) : (
        <div className="field">
          <div className="field-label-row">
            <label htmlFor={bodyId} className="field-label">
              Body
            </label>
            <span className="field-counter">{draft.body.length.toLocaleString()} characters</span>
          </div>
          <textarea id={bodyId} className="input input-code" rows={7} value={draft.body} spellCheck={false} autoComplete="off"
            placeholder='{"key": "value"}' aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? `${bodyId}-error` : undefined}
            onChange={(event) => update({ body: event.target.value })} />
          {errors.body && (
            <p id={`${bodyId}-error`} className="field-error">
              {errors.body}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
