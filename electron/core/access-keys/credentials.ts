import { randomBytes } from 'node:crypto';

// All three come from the OS CSPRNG. Lengths and cases follow the API gateway:
// the ID is 12 lowercase hex, APIKey and APISecret are 32 uppercase hex.
export const newAccessKeyId = (): string => randomBytes(6).toString('hex');
export const newApiKey = (): string => randomBytes(16).toString('hex').toUpperCase();
export const newApiSecret = (): string => randomBytes(16).toString('hex').toUpperCase();
