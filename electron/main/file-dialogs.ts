import { BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from '../core/key-files/service';

const keyFileFilters = [
  { name: 'Gatekey key files', extensions: ['gatekey.json', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Native file dialogs, owned by main: the renderer never chooses or sees a path it could abuse. */
export const electronFileDialogs: FileDialogs = {
  async chooseSavePath(defaultName) {
    const parent = BrowserWindow.getFocusedWindow();
    const options = { title: 'Export APIKey', defaultPath: defaultName, filters: keyFileFilters };
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseKeyFiles() {
    const parent = BrowserWindow.getFocusedWindow();
    const options = { title: 'Import key files', filters: keyFileFilters, properties: ['openFile' as const, 'multiSelections' as const] };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  },
};
