import { z } from 'zod';
import { accessKeyId } from '../access-keys/rules';
import { algorithms } from '../signing/types';

/** Input of a test call, as the Test Call screen sends it. Bounds keep a hostile renderer from flooding main. */
export const testCallInput = z.strictObject({
  credentials: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('stored'), accessKeyId }),
    z.strictObject({
      kind: z.literal('manual'),
      apiKey: z
        .string()
        .max(256)
        .transform((value) => value.trim())
        .pipe(z.string().regex(/^[0-9A-Fa-f]{32}$/, 'An APIKey is 32 hex characters.')),
      // Key material pasted by the user for a key Gatekey does not hold; used once, never stored or echoed.
      secret: z
        .string()
        .max(1024)
        .transform((value) => value.trim())
        .pipe(z.string().min(1, 'Paste the APISecret of this APIKey.')),
    }),
  ]),
  algorithm: z.enum(algorithms).default('JDCLOUD2'),
  method: z.string().min(1).max(16),
  url: z.string().min(1, 'Enter the URL to call.').max(8192),
  headers: z.array(z.tuple([z.string().max(256), z.string().max(8192)])).max(100),
  body: z.string().max(10 * 1024 * 1024 + 1),
  region: z.string().max(64).optional(),
  service: z.string().max(128).optional(),
});

export type TestCallInput = z.output<typeof testCallInput>;
