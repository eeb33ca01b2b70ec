import { app, dialog, ipcMain, Notification, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ipcEventChannel } from '../../core/contract/index';
import { ApiHost } from '../api/host';
import { runCli } from '../cli/run';
import { createSenderCheck, registerIpcHandlers } from '../ipc/electron-ipc';
import { createLogger } from '../logger';
import { defaultDataDir } from '../services/config';
import { Services } from '../services/index';
import { defaultScryptParams } from '../vault/kdf';
import { createElectronKeyStore } from '../vault/keychain-electron';
import { showAlertNotifications } from './alert-notifications';
import { appPageUrl, createMainWindow } from './window';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliArgs = process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => arg !== '.');

// The packaged executable with a command runs the command line without a window.
if (cliArgs.length > 0 && !cliArgs[0]?.startsWith('--')) {
  void runCli(cliArgs).then((code) => app.exit(code));
} else {
  startDesktop();
}

function startDesktop(): void {
  app.setName('Duewatch');
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  const logger = createLogger();
  const dataDir = defaultDataDir();
  let mainWindow: BrowserWindow | null = null;
  const chooseImportFile = async (): Promise<string | null> => {
    const options = { properties: ['openFile' as const], filters: [{ name: 'Ledgers', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xml'] }] };
    const result = mainWindow === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(mainWindow, options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const services = new Services({ mode: 'desktop', dataDir, kdf: defaultScryptParams, keyStore: createElectronKeyStore(dataDir), logger, now: () => new Date(), chooseImportFile });
  const apiHost = new ApiHost(services, logger);

  registerIpcHandlers(ipcMain, services, logger, createSenderCheck({ windowId: () => mainWindow?.webContents.id ?? null, appUrl: appPageUrl(outDir) }));
  services.session.events.on('event', (name: string, payload: unknown) => mainWindow?.webContents.send(ipcEventChannel, name, payload));
  showAlertNotifications(services);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== appPageUrl(outDir)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('second-instance', () => mainWindow?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void apiHost.close().then(() => services.shutdown()));

  void app.whenReady().then(() => {
    mainWindow = createMainWindow(outDir);
    logger.info({ dataDir, notifications: Notification.isSupported() }, 'desktop window opened');
  });
}
