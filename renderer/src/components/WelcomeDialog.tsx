import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage, errorTitle } from '../api';
import { isUnreadable, keychainStateOf, type KeychainState } from '../keychain-state';
import { useKeychainProbe } from '../queries/app';
import { recheckKeychain, useKeychainBusy, useKeychainState, useReconcile } from '../queries/keychain';
import { queryKeys } from '../queries/keys';
import { queryClient } from '../queries/query-client';
import { ipcErrorOf } from '../queries/unwrap';
import { useDismissWelcome, useWelcomeStarts, useWelcomeVisible } from '../queries/welcome';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { KeychainProblem } from './KeychainProblem';

type Probe = UseQueryResult<{ available: true }>;

/** First run only: the two roles, a keychain check, and the first step of each role. */
export function WelcomeDialog() {
  const visible = useWelcomeVisible();
  if (!visible) return null;
  return <Welcome />;
}

function Welcome() {
  // After the startup reconcile, never beside it: libsecret can abort main when one call deletes
  // an entry (the probe) while another lists the same service.
  const reconcile = useReconcile().reconcile.status;
  const probe = useKeychainProbe(reconcile === 'done' || reconcile === 'failed');
  const dismiss = useDismissWelcome();
  const start = useWelcomeStarts();

  return (
    <Dialog
      title="Welcome to Gatekey"
      size="wide"
      onCancel={() => void dismiss()}
      footer={
        <button type="button" className="button" onClick={() => void dismiss()}>
          Skip for now
        </button>
      }
    >
      <p className="welcome-intro">Gatekey works offline: it keeps API credentials on this computer and never sends them anywhere.</p>
      <div className="welcome-roles">
        <section className="welcome-role" aria-labelledby="welcome-caller">
          <h3 id="welcome-caller" className="welcome-role-title">
            <Icon name="key" /> You call APIs
          </h3>
          <p>Create an Access Key for each app that calls an API provider. Gatekey keeps its APISecret in your OS keychain and shows you the ID and APIKey to hand to the provider.</p>
          <button type="button" className="button button-primary" onClick={() => void start.asCaller()}>
            Create Access Key
          </button>
        </section>
        <section className="welcome-role" aria-labelledby="welcome-provider">
          <h3 id="welcome-provider" className="welcome-role-title">
            <Icon name="shield" /> You provide APIs
          </h3>
          <p>Create an Access Authorization for each caller's access key you accept. Bind it to API groups to decide which of your APIs that key may call.</p>
          <button type="button" className="button button-primary" onClick={() => void start.asProvider()}>
            Create Authorization
          </button>
        </section>
      </div>
      <KeychainStatus probe={probe} />
    </Dialog>
  );
}

function KeychainStatus({ probe }: { probe: Probe }) {
  const keychain = useKeychainState();
  const keychainBusy = useKeychainBusy();
  const check = probe.isFetching
    ? ({ status: 'checking' } as const)
    : probe.isError
      ? ({ status: 'failed', error: ipcErrorOf(probe.error) } as const)
      : ({ status: probe.isSuccess ? 'available' : 'idle' } as const);
  const busy = check.status === 'checking' || keychainBusy;
  const retry = () => probe.refetch();

  const unreadable = isUnreadable(keychain) ? keychain : check.status === 'failed' ? keychainStateOf(check.error) : null;
  if (unreadable) {
    const checkAgain = async () => {
      await recheckKeychain();
      // Readable again: the probe says whether secrets can really be stored.
      if (!isUnreadable(queryClient.getQueryData<KeychainState>(queryKeys.keychain.state))) await retry();
    };
    return (
      <KeychainProblem keychain={unreadable} retryLabel="Check again" retrying={busy} onRetry={() => void checkAgain()}>
        <p className="alert-text">Gatekey keeps every APISecret in the OS keychain: unlock it before you create an access key.</p>
      </KeychainProblem>
    );
  }
  if (check.status === 'failed') {
    return (
      <div role="alert" className="alert alert-error">
        <Icon name="warning" />
        <div>
          <p className="alert-title">{errorTitle(check.error)}</p>
          <p className="alert-text">{errorMessage(check.error)}</p>
          <button type="button" className="button button-small welcome-retry" onClick={() => void retry()}>
            Check again
          </button>
        </div>
      </div>
    );
  }
  return (
    <p className="welcome-keychain" role="status">
      {check.status === 'available' ? (
        <>
          <Icon name="check" /> Your OS keychain works: APISecrets will be stored there.
        </>
      ) : (
        'Checking your OS keychain…'
      )}
    </p>
  );
}
