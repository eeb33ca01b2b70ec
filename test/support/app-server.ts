import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface RunningApp {
  /** The address with the per-launch token in its fragment. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * Starts browser mode as its own process, exactly as `npm start` does without Electron, on a
 * given data folder, and waits for the address line.
 */
export async function startApp(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'main', 'server', 'browser-main.ts'), '--data-dir', dataDir], {
    cwd: projectRoot,
    env: { ...process.env, DUEWATCH_LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Browser mode did not start within 60 s. Output:\n${output}`)), 60_000);
    const check = () => {
      const match = /DUEWATCH_URL=(\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser mode exited with code ${String(code)}. Output:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // A server that has not exited 15 s after SIGTERM is killed, so a hung shutdown fails the
        // test that checks it rather than the hook timeout of every test file.
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
