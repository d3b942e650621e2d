import type { AboutPanelOptionsOptions } from 'electron';

/**
 * What the native About panel shows (macOS: Gatekey menu > About Gatekey; the
 * renderer has its own About dialog on every platform). Pure, so tests can check it.
 */
export function aboutPanelOptions(version: string, iconPath: string): AboutPanelOptionsOptions {
  return {
    applicationName: 'Gatekey',
    applicationVersion: version,
    version: `Electron ${process.versions.electron ?? '?'}`,
    copyright: 'MIT licence',
    credits: 'Offline API access authorization: access keys for API callers, authorizations for API providers.',
    // Linux and Windows only; macOS shows the bundle's icon.
    iconPath,
  };
}
