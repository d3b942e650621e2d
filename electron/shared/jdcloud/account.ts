import { z } from 'zod';
import { unsafeCharacters } from '../text-rules';

/** The management OpenAPI's public endpoint (the SDKs' default). */
export const JDCLOUD_DEFAULT_ENDPOINT = 'https://apigateway.jdcloud-api.com';
/** JD Cloud's region codes; which run API Gateway is unconfirmed, so others of the same shape are accepted too. */
export const JDCLOUD_REGIONS = ['cn-north-1', 'cn-east-1', 'cn-east-2', 'cn-south-1'] as const;
/** The signing scope's service name for the management API. */
export const JDCLOUD_SERVICE = 'apigateway';
/** The only authorization type Gatekey manages: an API gateway signature key (a kms key's APIKey). */
export const AUTH_USER_TYPE = 'jd_apikms';

const credentialText = (label: string) =>
  z
    .string()
    .max(512, `${label} is far too long.`)
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required.`)
        .max(128, `${label} can be at most 128 characters.`)
        .refine((value) => !/\s/u.test(value) && !unsafeCharacters.test(value), `${label} contains spaces or invisible characters; copy it again.`),
    );

/** A JD Cloud account AccessKey ID (not a secret: it names the credential in every signature). */
export const jdAccessKeyId = credentialText('AccessKey ID');
/** Key material: never log it, never put it in the store or an error. */
export const jdSecretKey = credentialText('SecretKey');

export const jdRegion = z
  .string()
  .max(64)
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'A region looks like cn-north-1.'));

/**
 * The endpoint: https anywhere, plain http only on the loopback (an emulator,
 * a test) because an http request would carry the signature in the clear.
 */
export const jdEndpoint = z
  .string()
  .max(2048)
  .transform((value) => value.trim().replace(/\/+$/, ''))
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'The endpoint is a URL such as https://apigateway.jdcloud-api.com.' });
      return;
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      context.addIssue({ code: 'custom', message: 'The endpoint must use https:// (http:// only for 127.0.0.1 or localhost).' });
    } else if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      context.addIssue({ code: 'custom', message: 'The endpoint is only a scheme, host and port: no path, query or user.' });
    }
  });

export const jdAccountSettings = z.strictObject({
  accessKeyId: jdAccessKeyId,
  regions: z.array(jdRegion).min(1, 'Choose at least one region.').max(16),
  endpoint: jdEndpoint,
});

/** What connecting takes: the settings and the SecretKey (which goes to the keychain only). */
export const jdAccountInput = jdAccountSettings.extend({ secretKey: jdSecretKey });

export type JdAccountSettings = z.output<typeof jdAccountSettings>;
