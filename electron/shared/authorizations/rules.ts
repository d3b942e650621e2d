import { z } from 'zod';
import { plainText, unsafeCharacters } from '../text-rules';

export const AUTHORIZATION_DESCRIPTION_MAX = 256;

/** 12 lowercase letters and digits. Shared with the store file. */
export const AUTHORIZATION_ID_PATTERN = /^[0-9a-z]{12}$/;
export const authorizationId = z.string().regex(AUTHORIZATION_ID_PATTERN, 'Not an authorization ID.');

export type CallerKeyKind = 'accessKeyId' | 'apiKey';

/** The caller's identifier as handed over, normalised: an Access Key ID is lowercase, an APIKey uppercase. */
export interface CallerKey {
  kind: CallerKeyKind;
  value: string;
}


/**
 * Accepts what a caller pastes: spaces and line breaks around it are dropped,
 * anything inside (spaces, control or bidi characters) is refused, because a
 * key with a character slipped in is a different key.
 */
export const callerKey = z
  .string()
  .max(256, 'This is far too long to be an Access Key ID or APIKey.')
  .transform((value) => value.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/gu, ''))
  .superRefine((value, context) => {
    if (value === '') context.addIssue({ code: 'custom', message: 'Enter the Access Key ID or APIKey the caller handed over.', params: { reason: 'callerKeyMissing' } });
    else if (/\s/u.test(value)) context.addIssue({ code: 'custom', message: 'The identifier contains spaces or line breaks inside it; copy it again.', params: { reason: 'callerKeyHasSpaces' } });
    else if (unsafeCharacters.test(value)) context.addIssue({ code: 'custom', message: 'The identifier contains invisible control or direction-changing characters; copy it again.', params: { reason: 'callerKeyUnsafe' } });
    else if (!/^([0-9a-fA-F]{12}|[0-9a-fA-F]{32})$/.test(value)) {
      context.addIssue({ code: 'custom', message: 'Enter an Access Key ID (12 hex characters) or an APIKey (32 hex characters).', params: { reason: 'callerKeyNotHex' } });
    }
  })
  .transform((value): CallerKey => (value.length === 12 ? { kind: 'accessKeyId', value: value.toLowerCase() } : { kind: 'apiKey', value: value.toUpperCase() }));

export const authorizationFields = z.strictObject({
  callerKey,
  description: plainText(AUTHORIZATION_DESCRIPTION_MAX, 'Description'),
});

export const authorizationDescription = z.strictObject({
  description: plainText(AUTHORIZATION_DESCRIPTION_MAX, 'Description'),
});
