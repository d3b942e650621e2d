import { useEffect, useMemo, useRef, useState } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import { errorMessage } from '../api';
import { EmptyState } from '../components/EmptyState';
import { SignaturePanel } from '../components/SignaturePanel';
import { Tabs } from '../components/Tabs';
import { TestCallForm } from '../components/TestCallForm';
import { SEND_SHORTCUT, TestCallRequestBar } from '../components/TestCallRequestBar';
import { TestCallResponse } from '../components/TestCallResponse';
import { useKeyboardShortcut } from '../hooks/useKeyboardShortcut';
import { useTestCall } from '../hooks/useTestCall';
import { useDeferredSearch } from '../hooks/useDeferredSearch';
import { KEY_CHOICES, setSecretStatus, useAccessKeyChoices, useChosenAccessKey } from '../queries/access-keys';
import { useApiGroups } from '../queries/api-groups';
import { noteKeychainError, useKeychainState } from '../queries/keychain';
import { ipcErrorOf } from '../queries/unwrap';
import { useAppStore } from '../store';
import { buildTestCallInput, hostOf, joinAnd, scopeOfUrl, statusClass, urlOnHost } from '../store/test-call-input';
import { MANUAL_CREDENTIALS } from '../store/test-call-slice';

type OutputTab = 'signature' | 'response';

const NO_KEYS: AccessKeySummary[] = [];
const NO_GROUPS: ApiGroupSummary[] = [];

export function TestCallScreen() {
  const draft = useAppStore((s) => s.testCallDraft);
  const update = useAppStore((s) => s.updateTestCallDraft);
  // The picker offers a window of keys by name; typing in its search asks main for others.
  const [keySearch, setKeySearch] = useState('');
  const keysQuery = useAccessKeyChoices(useDeferredSearch(keySearch));
  const chosenId = draft.credential && draft.credential !== MANUAL_CREDENTIALS ? draft.credential : null;
  const chosenQuery = useChosenAccessKey(chosenId);
  const chosen = chosenQuery.isError ? undefined : chosenQuery.data;
  // The host picker; until the groups arrive (or if they cannot be read) the URL is typed.
  const groups = useApiGroups().data ?? NO_GROUPS;
  const navigate = useAppStore((s) => s.navigate);
  const keychainReadable = useKeychainState()?.state === 'ready';
  // A pasted APISecret: this component's state only, never the store; unmounting (leaving the page) drops it.
  const [secret, setSecret] = useState('');
  const [tab, setTab] = useState<OutputTab>('signature');

  // The chosen key stays offered whatever the search shows.
  const keys = useMemo(() => {
    const shown = keysQuery.data?.rows ?? NO_KEYS;
    return chosen && !shown.some((k) => k.id === chosen.id) ? [chosen, ...shown] : shown;
  }, [keysQuery.data, chosen]);
  const keyCount = { total: keysQuery.data?.total ?? 0, matching: keysQuery.data?.matching ?? 0 };
  const keyIds = useMemo(() => new Set(keys.map((k) => k.id)), [keys]);
  const built = buildTestCallInput(draft, secret, keyIds);
  const call = useTestCall(built, (result, input) => {
    // The key this answer was for, not the one picked since.
    const accessKeyId = input.credentials.kind === 'stored' ? input.credentials.accessKeyId : undefined;
    // Main found the stored secret (a preview checks it is there, a send reads it): a badge saying otherwise is out of date.
    if (result.ok) {
      if (accessKeyId) setSecretStatus(accessKeyId, 'present');
      return;
    }
    // Missing, or a keychain that cannot be read (never "missing"): the key's label and the notice say which.
    noteKeychainError(result.error, accessKeyId);
  });
  // The notice's "Check again" found the keychain readable: sign again, so the locked message gives way.
  // Only the change to readable counts, so a failure while readable never signs in a loop.
  const { resign } = call;
  const signatureFailed = call.signature.kind === 'failed';
  const wasReadable = useRef(keychainReadable);
  useEffect(() => {
    const becameReadable = keychainReadable && !wasReadable.current;
    wasReadable.current = keychainReadable;
    if (becameReadable && signatureFailed) resign();
  }, [keychainReadable, signatureFailed, resign]);

  const send = () => {
    if (!built.ok || call.sending) return;
    setTab('response');
    void call.send();
  };
  useKeyboardShortcut({ key: 'Enter', mod: true, whileTyping: true }, send, built.ok && !call.sending);

  const setUrl = (url: string) => {
    const group = groups.find((g) => g.id === draft.groupId);
    // Typing another host leaves the group behind.
    update({ url, groupId: group && hostOf(url) === group.host ? group.id : '' });
  };

  const pickGroup = (groupId: string) => {
    const group = groups.find((g) => g.id === groupId);
    if (!group) return update({ groupId: '' });
    const url = urlOnHost(draft.url, group.host);
    // The host names region and service; the group's own region wins only where the two differ.
    const hostRegion = scopeOfUrl(url).region;
    update({ groupId, url, region: group.region && group.region !== hostRegion ? group.region : '', service: '' });
  };

  const header = (
    <header className="screen-header">
      <div>
        <h1 className="screen-title">Test Call</h1>
        <p className="screen-subtitle">Sign a request exactly as the API gateway checks it, see every step, and send it.</p>
      </div>
    </header>
  );

  if (keyCount.total === 0 && draft.credential !== MANUAL_CREDENTIALS) {
    const loading = keysQuery.isPending;
    return (
      <div className="screen">
        {header}
        {loading ? (
          <p className="loading" role="status">
            Loading access keys…
          </p>
        ) : (
          <EmptyState icon="key" title="No access keys to sign with"
            action={
              <div className="empty-state-actions">
                <button type="button" className="button button-primary" onClick={() => navigate({ name: 'accessKeyList' })}>
                  Go to Access Key
                </button>
                <button type="button" className="button" onClick={() => update({ credential: MANUAL_CREDENTIALS })}>
                  Enter an APIKey and APISecret…
                </button>
              </div>
            }>
            {keysQuery.isError ? `${errorMessage(ipcErrorOf(keysQuery.error))} ` : ''}
            A test call is signed with an access key. Create one on the Access Key page, or type the APIKey and paste the APISecret of a key you were given.
          </EmptyState>
        )}
      </div>
    );
  }

  const response = call.sent.kind === 'done' && call.sent.result.ok ? call.sent.result.data.response : undefined;
  const responseBadge =
    call.sent.kind === 'sending' ? <span className="spinner spinner-dark" /> : response ? <span className={`tab-badge tab-badge-${statusClass(response.status)}`}>{response.status}</span> : call.sent.kind === 'done' ? <span className="tab-badge tab-badge-error">!</span> : undefined;

  return (
    <div className="screen screen-fill">
      {header}
      <TestCallRequestBar method={draft.method} url={draft.url} onMethod={(method) => update({ method })} onUrl={setUrl} onSend={send}
        sending={call.sending} blockedBecause={built.ok ? null : `To send, ${joinAnd(built.missing)}.`}
        errors={{ url: call.fieldErrors.url, method: call.fieldErrors.method }} />
      <div className="test-call-columns">
        <section className="test-call-pane" aria-label="Request details">
          <TestCallForm draft={draft} update={update} keys={keys} keySearch={{ value: keySearch, onChange: setKeySearch, ...keyCount, limit: KEY_CHOICES }} groups={groups} secret={secret} onSecret={setSecret} onGroup={pickGroup} errors={call.fieldErrors} />
        </section>
        <section className="test-call-pane test-call-output" aria-label="Signature and response">
          <Tabs<OutputTab> label="Signature and response" selected={tab} onSelect={setTab}
            tabs={[
              { id: 'signature', label: 'Signature' },
              { id: 'response', label: 'Response', badge: responseBadge },
            ]}>
            {tab === 'signature' ? <SignaturePanel state={call.signature} onResign={call.resign} /> : <TestCallResponse state={call.sent} shortcut={SEND_SHORTCUT} />}
          </Tabs>
        </section>
      </div>
    </div>
  );
}
