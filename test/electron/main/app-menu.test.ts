import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/main/app-menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label ?? item.role);
const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'];

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help on Linux and Windows, and the app menu with About first on macOS', () => {
    expect(labels(appMenuTemplate({ packaged: true, platform: 'linux' }))).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    expect(labels(appMenuTemplate({ packaged: true, platform: 'win32' }))).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    const mac = appMenuTemplate({ packaged: true, platform: 'darwin' });
    expect(labels(mac)).toEqual(['Gatekey', 'File', 'Edit', 'View', 'Window', 'help']);
    expect((mac[0]!.submenu as MenuItemConstructorOptions[])[0]).toEqual({ role: 'about' });
    expect(roles([mac[0]!])).toContain('quit');
  });

  it('keeps the standard editing roles (copy and paste work in the forms)', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(roles(appMenuTemplate({ packaged: true, platform }))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'about']));
    }
  });

  it('has no Reload and no DevTools in packaged builds, on any platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const packaged = roles(appMenuTemplate({ packaged: true, platform }));
      for (const role of DEVELOPER_ROLES) expect(packaged, `${platform} ${role}`).not.toContain(role);
    }
  });

  it('offers Reload and DevTools in development builds', () => {
    expect(roles(appMenuTemplate({ packaged: false, platform: 'linux' }))).toEqual(expect.arrayContaining(DEVELOPER_ROLES));
  });

  it('uses roles only: no item runs code of its own', () => {
    const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? walk(item.submenu) : [])]);
    for (const item of walk(appMenuTemplate({ packaged: true, platform: 'linux' }))) expect(item.click).toBeUndefined();
  });
});
