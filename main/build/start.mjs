// `npm start`: opens the desktop window where the Electron runtime is installed, and otherwise
// starts browser mode on 127.0.0.1 and prints its address. Arguments after `--` are passed on
// (for example `npm start -- --data-dir /tmp/ledgers`).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronVersion } from './native.mjs';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

run(process.execPath, [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);

const electronVersion = installedElectronVersion();
if (electronVersion !== null && process.env.DUEWATCH_BROWSER_MODE !== '1') {
  run(process.execPath, [join(projectRoot, 'main', 'build', 'native.mjs'), 'electron']);
  console.log(`Starting the Duewatch desktop window (Electron ${electronVersion}).`);
  forwardSignals(spawn(require('electron'), ['.', ...args], { cwd: projectRoot, stdio: 'inherit' }));
} else {
  console.log(
    electronVersion === null
      ? 'The Electron runtime is not installed here (npm could not download it, or ELECTRON_SKIP_BINARY_DOWNLOAD was set), so Duewatch starts in browser mode.'
      : 'DUEWATCH_BROWSER_MODE=1 is set, so Duewatch starts in browser mode.',
  );
  const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  forwardSignals(spawn(process.execPath, [tsx, join(projectRoot, 'main', 'server', 'browser-main.ts'), ...args], { cwd: projectRoot, stdio: 'inherit' }));
}
