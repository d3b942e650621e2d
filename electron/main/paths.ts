import { join } from 'node:path';

export interface AppPaths {
  /** The bundled, self-contained preload (dist/electron/preload.cjs). */
  preload: string;
  /** The built renderer (dist/renderer/), served as app://gatekey/ and nothing beyond it. */
  rendererDir: string;
  /** The window icon (Linux, Windows), rendered by `npm run icons`; packaged by electron-builder.yml's `files`. */
  windowIcon: string;
}

/**
 * Where the built files are, from the folder holding main.cjs (dist/electron/,
 * inside app.asar once packaged). Pure, so tests can check it.
 */
export function appPaths(mainDir: string): AppPaths {
  return {
    preload: join(mainDir, 'preload.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
    windowIcon: join(mainDir, '..', '..', 'resources', 'icons', '512x512.png'),
  };
}
