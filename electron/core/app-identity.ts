import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's name: Electron's userData folder and the keychain service are named after it. */
export const APP_NAME = 'Gatekey';
/** Keychain service under which the app keeps APISecrets (account = Access Key ID). */
export const KEYCHAIN_SERVICE = APP_NAME;
/** The JD Cloud account's SecretKey lives under a service of its own beside the APISecrets' (account = its AccessKey ID), so it is never taken for an APISecret. */
export const jdAccountKeychainService = (service: string = KEYCHAIN_SERVICE): string => `${service} JD Cloud account`;

/** Where Electron's `app.getPath('userData')` points for this app, for tools that run without Electron. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}
