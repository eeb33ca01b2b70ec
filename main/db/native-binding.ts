import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Returns the path of the SQLite native module built for the running runtime. Node and Electron
 * builds live side by side under node_modules/.duewatch-native (made by main/build/native.mjs),
 * so running the tests under Node never replaces the build the desktop app loads, or the reverse.
 */
export function nativeBindingPath(): string {
  const electronVersion = process.versions.electron;
  const folder = electronVersion === undefined ? `node-abi${process.versions.modules}` : `electron-${electronVersion}`;
  const candidates = [
    process.env.DUEWATCH_NATIVE_DIR === undefined ? null : join(process.env.DUEWATCH_NATIVE_DIR, folder, 'better_sqlite3.node'),
    join(findProjectRoot(), 'node_modules', '.duewatch-native', folder, 'better_sqlite3.node'),
  ];
  for (const candidate of candidates) {
    if (candidate !== null && existsSync(candidate)) return candidate;
  }
  const rebuild = electronVersion === undefined ? 'node main/build/native.mjs node' : 'node main/build/native.mjs electron';
  throw new Error(`The SQLite module for ${folder} is missing. Run "${rebuild}" in the project folder (or "npm install").`);
}

function findProjectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'node_modules'))) return folder;
    const parent = resolve(folder, '..');
    if (parent === folder) return process.cwd();
    folder = parent;
  }
}
