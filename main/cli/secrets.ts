import { createInterface } from 'node:readline';

/**
 * Reads passphrases for the command line: from an environment variable when set, otherwise
 * one per line from standard input (hidden when standard input is a terminal). Never from an
 * argument, because arguments show in process listings and shell history.
 */
export class SecretReader {
  private lines: string[] | null = null;
  private nextLine = 0;

  async read(environmentVariable: string, prompt: string): Promise<string> {
    const fromEnvironment = process.env[environmentVariable];
    if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
    if (process.stdin.isTTY) return promptHidden(prompt);
    if (this.lines === null) this.lines = await readAllLines();
    const line = this.lines[this.nextLine];
    this.nextLine += 1;
    if (line === undefined || line === '') {
      throw new UsageError(`${prompt.replace(/:\s*$/, '')} is missing: set ${environmentVariable} or pass it on a line of standard input.`);
    }
    return line;
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

async function readAllLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const readline = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = readline as unknown as { _writeToOutput: (text: string) => void };
    process.stderr.write(prompt);
    output._writeToOutput = () => undefined;
    readline.question('', (answer) => {
      readline.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
