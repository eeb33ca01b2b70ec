// Keeps one build of the SQLite native module per runtime, side by side, because Node and
// Electron have different ABIs. The ledger opens the file that matches the running runtime
// through better-sqlite3's `nativeBinding` option (see main/db/native-binding.ts).
//
//   node main/build/native.mjs node       copy the build npm just made for Node
//   node main/build/native.mjs electron   build for the installed Electron, if missing
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packageName = 'better-sqlite3-multiple-ciphers';
const bindingFile = 'better_sqlite3.node';

export const nativeRoot = join(projectRoot, 'node_modules', '.duewatch-native');

export function nodeBindingPath(abi = process.versions.modules) {
  return join(nativeRoot, `node-abi${abi}`, bindingFile);
}

export function electronBindingPath(electronVersion) {
  return join(nativeRoot, `electron-${electronVersion}`, bindingFile);
}

function packageDir() {
  return dirname(require.resolve(`${packageName}/package.json`));
}

function copyNodeBuild() {
  const built = join(packageDir(), 'build', 'Release', bindingFile);
  if (!existsSync(built)) {
    throw new Error(`${built} is missing: the ${packageName} install step did not build it. Run "npm rebuild ${packageName}" and read its output.`);
  }
  const target = nodeBindingPath();
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target);
  console.log(`duewatch: SQLite module for Node (ABI ${process.versions.modules}) at ${target}`);
}

/** Returns the installed Electron version, or null when the Electron runtime is absent. */
export function installedElectronVersion() {
  try {
    const electronPath = require('electron');
    if (typeof electronPath !== 'string' || !existsSync(electronPath)) return null;
    return require('electron/package.json').version;
  } catch {
    return null;
  }
}

function buildForElectron() {
  const version = installedElectronVersion();
  if (version === null) {
    console.log('duewatch: the Electron runtime is not installed, so no Electron build of the SQLite module is needed.');
    return;
  }
  const target = electronBindingPath(version);
  if (existsSync(target)) return;

  // Build in a copy of the package so the Node build in node_modules stays intact.
  const workDir = mkdtempSync(join(tmpdir(), 'duewatch-native-'));
  try {
    cpSync(packageDir(), workDir, { recursive: true });
    rmSync(join(workDir, 'build'), { recursive: true, force: true });
    const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js', { paths: [dirname(process.execPath) + '/../lib/node_modules/npm'] });
    console.log(`duewatch: building the SQLite module for Electron ${version} (needs the Electron headers from the internet once)...`);
    execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: workDir, stdio: 'inherit' });
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(workDir, 'build', 'Release', bindingFile), target);
    console.log(`duewatch: SQLite module for Electron ${version} at ${target}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Electron is an optional dependency, so npm removes it when its binary cannot be downloaded
 * (no internet, or a blocked host). Its type declarations are still needed to type-check the
 * desktop files, so the package is put back without its download step.
 */
function restoreElectronPackage() {
  try {
    require.resolve('electron/package.json');
    return;
  } catch {
    // Missing: fall through and reinstall it without the binary.
  }
  const version = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).optionalDependencies?.electron;
  if (version === undefined) return;
  console.log(`duewatch: the Electron runtime could not be downloaded, so Duewatch will run in browser mode. Installing the electron ${version} package without its binary for type checking...`);
  const npm = process.env.npm_execpath;
  const command = npm === undefined ? 'npm' : process.execPath;
  const args = [...(npm === undefined ? [] : [npm]), 'install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `electron@${version}`];
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (result.status !== 0) console.log('duewatch: could not install the electron package; type checks of main/app and preload/ will fail until it is installed.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runtime = process.argv[2];
  if (runtime === 'node') {
    copyNodeBuild();
    if (process.env.npm_lifecycle_event === 'postinstall') restoreElectronPackage();
  }
  else if (runtime === 'electron') buildForElectron();
  else {
    console.error(`Unknown runtime "${runtime}". Use "node" or "electron".`);
    process.exit(2);
  }
}
