import { z } from 'zod';
import { jdAccessKeyId, jdAccountSettings, jdEndpoint, jdSecretKey, JDCLOUD_DEFAULT_ENDPOINT } from '../../../../electron/shared/jdcloud/account';
import type { JdAccountView } from '../../../../electron/shared/jdcloud/types';
import type { FormText } from '../../forms/useSchemaForm';

/** The regions a form holds as one text (the chosen codes, comma-separated), checked with main's rule once split. */
const regionsText = z
  .string()
  .transform((text) => text.split(',').filter((region) => region !== ''))
  .pipe(jdAccountSettings.shape.regions);

/** Connect's fields, with main's own rules: main parses the same values again. */
export const connectFields = z.strictObject({ accessKeyId: jdAccessKeyId, secretKey: jdSecretKey, regions: regionsText, endpoint: jdEndpoint });

export type ConnectText = FormText<typeof connectFields>;

/** A new account starts on the public endpoint and cn-north-1; a change starts from the account as it is, without its SecretKey. */
export const connectDefaults = (account: JdAccountView | null | undefined): ConnectText => ({
  accessKeyId: account?.accessKeyId ?? '',
  secretKey: '',
  regions: (account?.regions ?? ['cn-north-1']).join(','),
  endpoint: account?.endpoint ?? JDCLOUD_DEFAULT_ENDPOINT,
});

export const splitRegions = (text: string): string[] => text.split(',').filter((region) => region !== '');
