import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const projectRoot = join(import.meta.dirname, '..', '..');

export interface RunningCommand {
  /** The value of the first `NAME=value` line the command printed, such as DUEWATCH_API_URL. */
  readonly announced: string;
  readonly output: () => string;
  /** Sends a signal and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts a long-running `duewatch` command the way a user does (through tsx) and waits up to 60 s
 * for it to print `NAME=value`, as `duewatch api` prints DUEWATCH_API_URL once it listens.
 */
export async function startDuewatch(args: readonly string[], announcement: string, env: Record<string, string>): Promise<RunningCommand> {
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'main', 'cli', 'index.ts'), ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const announced = await new Promise<string>((resolve, reject) => {
    const pattern = new RegExp(`${announcement}=(\\S+)`);
    const timer = setTimeout(() => reject(new Error(`duewatch ${args.join(' ')} printed no ${announcement} within 60 s. Output:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = pattern.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`duewatch ${args.join(' ')} exited with code ${String(code)}. Output:\n${output}`));
    });
  });
  return {
    announced,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
