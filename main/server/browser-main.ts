import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApiHost } from '../api/host';
import { createLogger } from '../logger';
import { defaultDataDir } from '../services/config';
import { Services } from '../services/index';
import { defaultScryptParams } from '../vault/kdf';
import { unavailableKeyStore } from '../vault/key-store';
import { startBrowserServer } from './browser-server';

/**
 * Starts browser mode: the main-process services behind the contract on 127.0.0.1, for machines
 * without the Electron runtime. Prints the address with the per-launch token in its fragment.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: process.env.DUEWATCH_PORT ?? '0' },
      'static-root': { type: 'string' },
    },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port "${values.port}": use a number from 0 (any free port) to 65535.`);
  }
  const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const staticRoot = values['static-root'] ?? join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(staticRoot, 'index.html'))) {
    throw new Error(`The renderer is not built (${join(staticRoot, 'index.html')} is missing). Run "npm run build" first.`);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir([]);
  const logger = createLogger();
  const services = new Services({ mode: 'browser', dataDir, kdf: defaultScryptParams, keyStore: unavailableKeyStore, logger, now: () => new Date() });
  const server = await startBrowserServer({ services, logger, staticRoot, port });
  const apiHost = new ApiHost(services, logger);

  const address = `${server.url}#token=${server.token}`;
  process.stdout.write(`Duewatch browser mode is running. Ledgers are kept in ${dataDir}\n`);
  process.stdout.write(`Open this address in your browser (it contains this launch's access token):\n  ${address}\n`);
  process.stdout.write(`DUEWATCH_URL=${address}\n`);

  const stop = async () => {
    await apiHost.close();
    await server.close();
    await services.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`duewatch: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
