import { useId } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { FieldErrors } from '../../../electron/shared/errors';
import { MAX_SEARCH_CHARS } from '../../../electron/shared/lists/window';
import { unreadableWords } from '../keychain-state';
import { useKeychainState } from '../queries/keychain';
import { MANUAL_CREDENTIALS } from '../store/test-call-slice';
import { FormField } from './FormField';
import { SelectField } from './SelectField';

/** The picker's search: main answers the first `limit` keys matching it, by name. */
export interface KeySearch {
  value: string;
  onChange(value: string): void;
  /** Keys in the store, and keys matching the search. */
  total: number;
  matching: number;
  limit: number;
}

export interface TestCallCredentialsProps {
  keys: AccessKeySummary[];
  search: KeySearch;
  credential: string;
  apiKey: string;
  secret: string;
  errors: FieldErrors;
  onCredential(value: string): void;
  onApiKey(value: string): void;
  onSecret(value: string): void;
}

const noop = () => {};

/** A stored key's name, with what is known to be wrong with its APISecret. */
function keyLabel(key: AccessKeySummary, unreadable: string): string {
  if (key.secretStatus === 'missing') return `${key.name} (APISecret missing)`;
  if (key.secretStatus === 'unreadable') return `${key.name} (${unreadable})`;
  return key.name;
}

/** Which key signs: a stored access key, or an APIKey typed here with its APISecret pasted. */
export function TestCallCredentials({ keys, search, credential, apiKey, secret, errors, onCredential, onApiKey, onSecret }: TestCallCredentialsProps) {
  const id = useId();
  const unreadable = unreadableWords(useKeychainState());
  const options = [
    ...keys.map((key) => ({ value: key.id, label: keyLabel(key, unreadable) })),
    { value: MANUAL_CREDENTIALS, label: 'Enter an APIKey and APISecret…' },
  ];
  const chosen = keys.find((key) => key.id === credential);
  const secretError = errors['credentials.secret'];

  // A few keys fit the menu; with more than it offers, a search narrows them (cut to what main takes, as typed).
  const searchable = search.total > search.limit;
  return (
    <>
      {searchable && (
        <FormField label="Find access key" value={search.value} onChange={(value) => search.onChange(value.slice(0, MAX_SEARCH_CHARS))} onBlur={noop} placeholder="Name, Access Key ID or APIKey"
          hint={search.matching > search.limit ? `The menu offers the first ${search.limit} of ${search.matching} matching keys, by name: type to narrow.` : `${search.matching} matching ${search.matching === 1 ? 'key' : 'keys'}.`} />
      )}
      <SelectField label="Access key" value={options.some((o) => o.value === credential) ? credential : ''} options={options}
        placeholder="Choose an access key" onChange={onCredential}
        hint={chosen ? `APIKey ${chosen.apiKey}` : undefined} />
      {credential === MANUAL_CREDENTIALS && (
        <div className="manual-credentials">
          <FormField label="APIKey" value={apiKey} onChange={onApiKey} onBlur={noop} placeholder="32 hex characters" error={errors['credentials.apiKey']} />
          <div className="field">
            <div className="field-label-row">
              <label htmlFor={`${id}-secret`} className="field-label">
                APISecret
              </label>
            </div>
            {/* Key material: kept in this screen's state only, sent with each preview or send, dropped when you leave. */}
            <input id={`${id}-secret`} type="password" className="input" value={secret} autoComplete="off" spellCheck={false}
              aria-invalid={secretError ? true : undefined} aria-describedby={`${secretError ? `${id}-secret-error ` : ''}${id}-secret-hint`}
              onChange={(event) => onSecret(event.target.value)} />
            {secretError && (
              <p id={`${id}-secret-error`} className="field-error">
                {secretError}
              </p>
            )}
            <p id={`${id}-secret-hint`} className="field-hint">
              Used only to sign these test calls. Not saved; forgotten when you leave this page.
            </p>
          </div>
        </div>
      )}
    </>
  );
}
