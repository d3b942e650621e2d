import type { ErrorCode } from './errors';

/**
 * Every message main can fail with, by a stable id (the `reason`), with its
 * code and the names of the values its words need (`params`). One code has many
 * messages; the reason says which one, so a window's catalog can word it in the
 * user's language from reason + params alone, never by splicing main's English.
 *
 * Param conventions, for whoever writes the catalog:
 * - names, IDs, paths, counts and limits are the values as main wrote them;
 * - `problem`, `kind`, `cause`, `field`, `source` and `platform` pick one of a
 *   fixed set of phrasings (ICU `select`), listed beside the reason below;
 * - `detail` is text from outside Gatekey's words (an OS or library error, or
 *   a store status problem): show it as it is, never translate it.
 * A name ending in `?` is given only by some variants (see its reason).
 */
const says = <const C extends ErrorCode, const P extends readonly string[] = []>(code: C, ...params: P) => ({ code, params });

export const errorReasons = {
  // --- The request itself (dispatch) ---
  unknownRequest: says('INVALID_INPUT', 'method'),
  requestNotPlainObject: says('INVALID_INPUT'),
  /** A schema refused a field: the message is `fields[field]`, worded by `fieldReasons[field]`. */
  invalidField: says('INVALID_INPUT', 'field'),
  internal: says('INTERNAL'),
  forbiddenSender: says('FORBIDDEN_SENDER'),

  // --- Main's own confirmations and limits ---
  confirmationBusy: says('RATE_LIMITED'),
  confirmationDeclined: says('NOT_CONFIRMED'),
  testCallDeclined: says('NOT_CONFIRMED'),
  secretAccessLimited: says('RATE_LIMITED', 'limit', 'seconds'),

  // --- Access keys ---
  accessKeyGone: says('NOT_FOUND'),
  accessKeyNameTaken: says('NAME_TAKEN', 'name'),
  accessKeySecretMissing: says('SECRET_MISSING'),
  accessKeySecretPresent: says('ALREADY_EXISTS'),
  accessKeyIdTaken: says('ALREADY_EXISTS'),
  apiKeyTaken: says('ALREADY_EXISTS'),
  keychainEntryOfAccessKey: says('INVALID_INPUT'),
  keychainEntryGone: says('NOT_FOUND'),
  keychainChangeInConflict: says('STORE_CONFLICT', 'detail'),
  /** cause: a ReadOnlyCause (anotherInstance, readOnlyFolder, diskFull, requested, lockFailed) or unknown. */
  keychainChangeReadOnly: says('STORE_READ_ONLY', 'detail', 'cause'),
  keychainChangeUnreadable: says('STORE_READ_ONLY', 'detail'),

  // --- API groups and authorizations ---
  apiGroupGone: says('NOT_FOUND'),
  apiGroupNameTaken: says('NAME_TAKEN', 'name'),
  authorizationGone: says('NOT_FOUND'),
  accessKeyAlreadyAuthorized: says('ALREADY_EXISTS', 'callerKey'),

  // --- The OS keychain (platform: darwin, win32 or anything else, for the fix) ---
  keychainProbeLost: says('KEYCHAIN_UNAVAILABLE'),
  keychainClosed: says('KEYCHAIN_UNAVAILABLE'),
  secretNotWellFormed: says('INVALID_INPUT'),
  keychainModuleMissing: says('KEYCHAIN_UNAVAILABLE', 'detail', 'platform'),
  keychainNoSession: says('KEYCHAIN_UNAVAILABLE', 'detail', 'platform'),
  keychainNoSecretService: says('KEYCHAIN_UNAVAILABLE', 'detail', 'platform'),
  keychainNoCollection: says('KEYCHAIN_UNAVAILABLE', 'detail', 'platform'),
  keychainInteractionNotAllowed: says('KEYCHAIN_LOCKED', 'detail', 'platform'),
  keychainPromptDismissed: says('KEYCHAIN_LOCKED', 'detail', 'platform'),
  keychainLocked: says('KEYCHAIN_LOCKED', 'detail', 'platform'),
  keychainSecretTooLarge: says('KEYCHAIN_UNAVAILABLE', 'detail', 'platform'),
  /** seconds: when the detail is Gatekey's own deadline (it always is today). */
  keychainTimeout: says('KEYCHAIN_TIMEOUT', 'detail', 'platform', 'seconds?'),
  keychainHelperStopped: says('KEYCHAIN_UNAVAILABLE', 'detail', 'platform'),
  keychainUnavailable: says('KEYCHAIN_UNAVAILABLE', 'detail', 'platform'),
  keychainDefaultLocked: says('KEYCHAIN_LOCKED', 'platform'),
  keychainEntryLocked: says('KEYCHAIN_LOCKED', 'platform'),
  keychainEntriesLocked: says('KEYCHAIN_LOCKED', 'count', 'platform'),

  // --- The data file ---
  storeUnreadable: says('STORE_UNREADABLE', 'file', 'detail'),
  storeNothingToRestore: says('INVALID_INPUT'),
  storeClosing: says('STORE_READ_ONLY'),
  /** The message is the read-only status itself; cause as for keychainChangeReadOnly. */
  storeReadOnly: says('STORE_READ_ONLY', 'detail', 'cause'),
  storeConflict: says('STORE_CONFLICT', 'detail'),
  restoreNoBackup: says('NOT_FOUND'),
  /** kind: symlink, folder, fifo, socket, device, other. */
  restoreNotAFile: says('INVALID_INPUT', 'file', 'kind'),
  restoreFolderReadOnly: says('STORE_READ_ONLY', 'errno', 'folder'),
  restoreDiskFull: says('STORE_READ_ONLY', 'errno', 'folder'),
  restoreFolderInUse: says('STORE_READ_ONLY', 'pid'),

  // --- Files the user chose, requests a test call sends ---
  /** problem: symlink, fifo, folder, notAllowed, diskFull, other (with errno, such as EIO). */
  fileWriteFailed: says('FILE_WRITE_FAILED', 'path', 'problem', 'errno?'),
  /** kind: folder, fifo, socket, device, other. */
  fileWriteNotAFile: says('FILE_WRITE_FAILED', 'path', 'kind'),
  requestSchemeRefused: says('REQUEST_FAILED'),
  requestRefused: says('REQUEST_FAILED', 'host'),
  requestHostNotFound: says('REQUEST_FAILED', 'hostname'),
  requestReset: says('REQUEST_FAILED', 'host'),
  requestUnreachable: says('REQUEST_FAILED', 'host'),
  requestTlsFailed: says('REQUEST_FAILED', 'host', 'detail'),
  requestFailed: says('REQUEST_FAILED', 'host', 'detail'),
  requestTimedOut: says('REQUEST_FAILED', 'host', 'seconds'),

  // --- What a test call or `gatekey sign` would sign ---
  urlNotParsable: says('INVALID_INPUT'),
  urlSchemeRefused: says('INVALID_INPUT'),
  urlHasCredentials: says('INVALID_INPUT'),
  /** problem: lineBreak, controlCharacter (with char, such as U+001B). */
  headerInjection: says('INVALID_INPUT', 'name', 'problem', 'char?'),
  headerTwice: says('INVALID_INPUT', 'name'),
  headerReserved: says('INVALID_INPUT', 'name'),
  headerNameInvalid: says('INVALID_INPUT', 'name'),
  headerValueNotAscii: says('INVALID_INPUT', 'name'),
  headerHostGiven: says('INVALID_INPUT'),
  bodyTooLarge: says('INVALID_INPUT', 'maxMiB'),
  methodInvalid: says('INVALID_INPUT', 'method'),
  /**
   * field: region, service, nonce, date; source: typed, or host (a region or
   * service the URL's host named). problem: lineBreak, controlCharacter (char),
   * notRegion (value), notService (value), nonceFormat, dateFormat, dateNotReal (value).
   */
  signingValueRefused: says('INVALID_INPUT', 'field', 'source', 'problem', 'char?', 'value?'),
  hostNamesNoRegion: says('INVALID_INPUT'),
  hostNamesNoService: says('INVALID_INPUT'),

  // --- JD Cloud API Gateway (requestId: the gateway's, for support; empty when no reply came) ---
  jdNotConnected: says('NOT_FOUND'),
  jdSecretKeyMissing: says('SECRET_MISSING', 'accessKeyId'),
  /**
   * 401: the AccessKey or SecretKey is wrong, or the clock is off (cause and fix in the words).
   * skewMinutes: given when the reply's Date shows this computer's clock off by 5 minutes or more (positive: ahead).
   */
  jdAuthRefused: says('GATEWAY_AUTH_FAILED', 'status', 'requestId', 'detail', 'skewMinutes?'),
  /** 403: the credentials are right but lack API Gateway permissions. */
  jdForbidden: says('GATEWAY_AUTH_FAILED', 'status', 'requestId', 'detail'),
  /** Any other 4xx: the request was refused as it is (not retried). */
  jdRequestRefused: says('GATEWAY_FAILED', 'status', 'requestId', 'detail'),
  /** 429 or 5xx still after the retries; attempts is how many were made. */
  jdStillFailing: says('GATEWAY_FAILED', 'status', 'requestId', 'attempts'),
  /** No reply (refused, reset, timed out, DNS) after the retries. */
  jdUnreachable: says('GATEWAY_FAILED', 'host', 'detail', 'attempts', 'requestId?'),
  /** A write's reply was lost (5xx, reset, timeout after sending): it may have landed; read the gateway before retrying. */
  jdUnclear: says('GATEWAY_FAILED', 'operation', 'detail', 'status?', 'requestId?'),
  /** The reply was not the documented JSON envelope. */
  jdReplyMalformed: says('GATEWAY_FAILED', 'status', 'requestId'),
  /** After an unclear create, the authorization or key could not be found nor created within the attempts. */
  jdNotResolved: says('GATEWAY_FAILED', 'operation'),
  /** JD Cloud made the key, but the keychain or the data file refused it here: pull keys, never create it again. */
  jdKeyCreatedNotKept: says('GATEWAY_FAILED', 'keyId', 'detail'),
  jdApplyRunning: says('RATE_LIMITED'),
  jdPlanItemUnknown: says('INVALID_INPUT', 'itemId'),

  // --- The command line (printed as is today; ids for a translated CLI later) ---
  cliBothCredentials: says('INVALID_INPUT'),
  cliApiKeyNeedsSecretStdin: says('INVALID_INPUT'),
  cliApiKeyFormat: says('INVALID_INPUT'),
  cliNoSecretOnStdin: says('INVALID_INPUT'),
  cliNoKeyNamed: says('INVALID_INPUT'),
  cliUnknownCommand: says('INVALID_INPUT', 'command'),
  /** option: -X, --region, --service, --nonce, --date; problem as for signingValueRefused. */
  cliOptionRefused: says('INVALID_INPUT', 'option', 'problem', 'char?', 'value?'),
  /** problem: lineBreak, controlCharacter (char). */
  cliHeaderInjection: says('INVALID_INPUT', 'header', 'problem', 'char?'),
  cliHeaderNotPair: says('INVALID_INPUT', 'header'),
  cliOneUrl: says('INVALID_INPUT'),
  cliDataTwice: says('INVALID_INPUT'),
  cliAlgorithm: says('INVALID_INPUT'),
  cliAccessKeyNotFound: says('NOT_FOUND', 'key'),
  cliSecretMissing: says('SECRET_MISSING', 'name'),
  cliDataFileTooBig: says('INVALID_INPUT', 'path', 'maxMiB'),
  /** A provider command's option refused by the same rule as the window's form field (detail: that rule's words). */
  cliFieldRefused: says('INVALID_INPUT', 'option', 'detail'),
  cliOneCallerKey: says('INVALID_INPUT'),
  cliFormat: says('INVALID_INPUT', 'format'),
  cliArguments: says('INVALID_INPUT', 'usage'),
  cliNeedsYes: says('INVALID_INPUT', 'command'),
  cliGroupNotFound: says('NOT_FOUND', 'group'),
  cliGroupEnvironment: says('NOT_FOUND', 'group', 'environment', 'where'),
  /** The name is used by several groups (one per environment or region after a pull): `where` lists them. */
  cliGroupAmbiguous: says('INVALID_INPUT', 'group', 'where'),
  cliAuthorizationNotFound: says('NOT_FOUND', 'authorization'),
  /** The change was made but could not be saved before the command ended (detail: the store's words). */
  cliNotSaved: says('STORE_WRITE_FAILED', 'detail'),

  // --- The state file (gatekey state export / import; jd plan --state) ---
  stateFileRefused: says('INVALID_INPUT', 'file', 'detail'),
  stateImportConflicts: says('INVALID_INPUT', 'count'),
} as const satisfies Record<string, { code: ErrorCode; params: readonly string[] }>;

export type ErrorReason = keyof typeof errorReasons;

/**
 * Why one form field was refused, beside its words in `fields`. The schema's
 * own checks map from zod's issue codes; the rules' custom checks name theirs
 * (`params: { reason }` in a refine); a service names the few it finds itself.
 * A field an AppError names without one is worded by the error's own reason.
 */
export const fieldReasons = {
  /** Text (zod's too_big / too_small on a string); `required` is too short at a minimum of 1. */
  tooLong: ['maximum'],
  tooShort: ['minimum'],
  required: [],
  /** Lists. */
  tooMany: ['maximum'],
  tooFew: ['minimum'],
  /** Numbers and anything else with bounds. */
  tooLarge: ['maximum'],
  tooSmall: ['minimum'],
  /** format: regex, url, …; which rule it is follows from the field. */
  invalidFormat: ['format'],
  notOneOf: ['options'],
  invalidType: ['expected'],
  unexpectedFields: ['keys'],
  invalid: [],
  brokenCharacter: [],
  unsafeCharacters: [],
  callerKeyMissing: [],
  callerKeyHasSpaces: [],
  callerKeyUnsafe: [],
  callerKeyNotHex: [],
  nameUsedByAccessKey: [],
  nameUsedByApiGroup: [],
  callerKeyAlreadyAuthorized: [],
} as const satisfies Record<string, readonly string[]>;

export type FieldReasonId = keyof typeof fieldReasons;

export const isFieldReasonId = (id: string): id is FieldReasonId => Object.hasOwn(fieldReasons, id);

type Names<R extends ErrorReason> = (typeof errorReasons)[R]['params'][number];
type RequiredName<N> = N extends `${string}?` ? never : N;
type OptionalName<N> = N extends `${infer Base}?` ? Base : never;

export type ParamValue = string | number;
export type MessageParams = Record<string, ParamValue>;
/** Exactly the values the reason's words need: each required one, and the optional ones it may give. */
export type ParamsOf<R extends ErrorReason> = { [K in RequiredName<Names<R>>]: ParamValue } & { [K in OptionalName<Names<R>>]?: ParamValue };
export type CodeOf<R extends ErrorReason> = (typeof errorReasons)[R]['code'];
/** The reasons a code can have. */
export type ReasonOf<C extends ErrorCode> = { [R in ErrorReason]: CodeOf<R> extends C ? R : never }[ErrorReason];
export type HasParams<R extends ErrorReason> = [RequiredName<Names<R>>] extends [never] ? false : true;
