import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../server/security';

/** The URL of the app's page: the dev server while developing, the built file otherwise. */
export function appPageUrl(outDir: string): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl !== undefined && process.env.NODE_ENV !== 'production') return devUrl;
  return pathToFileURL(join(outDir, 'renderer', 'index.html')).toString();
}

/**
 * Creates the main window with Electron's security checklist applied: context isolation,
 * sandbox, no Node integration, a strict CSP on every response, no navigation away from the
 * app's page, no new windows and no permission grants.
 */
export function createMainWindow(outDir: string): BrowserWindow {
  const pageUrl = appPageUrl(outDir);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Duewatch',
    show: false,
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  window.webContents.on('will-navigate', (event, url) => {
    if (url !== pageUrl) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(pageUrl);
  return window;
}
