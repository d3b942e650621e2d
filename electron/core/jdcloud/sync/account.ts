import { AppError } from '../../../shared/errors';
import { jdAccountInput, JDCLOUD_DEFAULT_ENDPOINT } from '../../../shared/jdcloud/account';
import type { JdAccountView } from '../../../shared/jdcloud/types';
import { assertMayChangeKeychain } from '../../access-keys/keychain-guards';
import type { RecordStore } from '../../ports/record-store';
import type { SecretStore } from '../../ports/secret-store';

/** CLI overrides (environment variables and flags); they win over the stored account. */
export interface AccountOverride {
  accessKeyId?: string;
  secretKey?: string;
  endpoint?: string;
  regions?: string[];
}

/** What signing needs. `secretKey` is key material: never log it or put it in an error. */
export interface Credentials {
  accessKeyId: string;
  secretKey: string;
  endpoint: string;
  regions: string[];
}

export interface AccountDeps {
  store: RecordStore;
  /** The account's SecretKey, under the account name = its AccessKey ID. */
  accountSecrets: SecretStore;
  now: () => Date;
  override?: AccountOverride;
}

const notConnected = (what = 'No JD Cloud account is connected.') =>
  new AppError('NOT_FOUND', `${what} Connect one (AccessKey ID, SecretKey, regions) first, or set GATEKEY_JDCLOUD_ACCESS_KEY and GATEKEY_JDCLOUD_SECRET_KEY.`, {
    reason: 'jdNotConnected',
  });

/**
 * The connected JD Cloud account: its settings in the store, its SecretKey in
 * the keychain under its own entry (never in the store, a plan or an error).
 */
export function createAccount({ store, accountSecrets, now, override = {} }: AccountDeps) {
  const stored = () => store.read().jdcloud.account;
  const fromEnvironment = () => Boolean(override.accessKeyId && override.secretKey);

  function view(): JdAccountView | null {
    const account = stored();
    if (fromEnvironment()) {
      return {
        accessKeyId: override.accessKeyId!,
        regions: override.regions ?? account?.regions ?? [],
        endpoint: override.endpoint ?? account?.endpoint ?? JDCLOUD_DEFAULT_ENDPOINT,
        connectedAt: account?.connectedAt ?? now().toISOString(),
        secretKeySource: 'environment',
      };
    }
    if (!account) return null;
    return {
      accessKeyId: account.accessKeyId,
      regions: override.regions ?? account.regions,
      endpoint: override.endpoint ?? account.endpoint,
      connectedAt: account.connectedAt,
      secretKeySource: 'keychain',
    };
  }

  return {
    view,

    async connect(input: unknown): Promise<JdAccountView> {
      const parsed = jdAccountInput.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? 'account');
        throw new AppError('INVALID_INPUT', issue.message, { reason: 'invalidField', params: { field }, fields: { [field]: issue.message } });
      }
      const settings = parsed.data;
      assertMayChangeKeychain(store);
      const previous = stored();
      // Keychain first: a store that then fails to save leaves no account without its key.
      await accountSecrets.set(settings.accessKeyId, settings.secretKey);
      try {
        await store.update((data) => {
          data.jdcloud.account = { accessKeyId: settings.accessKeyId, regions: [...new Set(settings.regions)], endpoint: settings.endpoint, connectedAt: now().toISOString() };
        });
      } catch (error) {
        if (previous?.accessKeyId !== settings.accessKeyId) await accountSecrets.delete(settings.accessKeyId).catch(() => false);
        throw error;
      }
      if (previous && previous.accessKeyId !== settings.accessKeyId) await accountSecrets.delete(previous.accessKeyId).catch(() => false);
      return view()!;
    },

    async disconnect(): Promise<{ disconnected: true }> {
      assertMayChangeKeychain(store);
      const previous = stored();
      await store.update((data) => {
        data.jdcloud.account = null;
      });
      if (previous) await accountSecrets.delete(previous.accessKeyId).catch(() => false);
      return { disconnected: true };
    },

    /** Environment first (CI), else the stored account and its keychain entry. */
    async credentials(): Promise<Credentials> {
      const account = stored();
      if (fromEnvironment()) {
        const regions = override.regions ?? account?.regions ?? [];
        if (regions.length === 0) throw notConnected('No region is set for JD Cloud.');
        return { accessKeyId: override.accessKeyId!, secretKey: override.secretKey!, endpoint: override.endpoint ?? account?.endpoint ?? JDCLOUD_DEFAULT_ENDPOINT, regions };
      }
      if (!account) throw notConnected();
      const secretKey = await accountSecrets.get(account.accessKeyId);
      if (secretKey === null) {
        throw new AppError(
          'SECRET_MISSING',
          `The SecretKey of JD Cloud AccessKey ${account.accessKeyId} is not in the OS keychain (it may have been removed outside Gatekey). Connect the account again.`,
          { reason: 'jdSecretKeyMissing', params: { accessKeyId: account.accessKeyId } },
        );
      }
      return { accessKeyId: account.accessKeyId, secretKey, endpoint: override.endpoint ?? account.endpoint, regions: override.regions ?? account.regions };
    },
  };
}

export type Account = ReturnType<typeof createAccount>;
