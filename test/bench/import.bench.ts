import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { makeTempDir } from '../support/services';
import { ratioLine, type BenchResult } from './harness';
import { seededRandom } from '../support/random';

const invoiceCount = 1_000_000;
const customerCount = 100_000;


async function writeInvoiceFile(path: string): Promise<void> {
  const random = seededRandom(20261204);
  const out = createWriteStream(path);
  out.write('Invoice Number,Customer Code,Customer Name,Invoice Date,Due Date,Amount,Currency\r\n');
  for (let index = 0; index < invoiceCount; index += 1) {
    const customer = Math.floor(random() * customerCount);
    const day = 1 + Math.floor(random() * 700);
    const issue = new Date(Date.UTC(2024, 0, day));
    const due = new Date(issue.getTime() + 30 * 86_400_000);
    const rupees = 100 + Math.floor(random() * 500_000);
    const paise = Math.floor(random() * 100);
    const line = `INV-${String(index).padStart(8, '0')},C${customer},Customer ${customer} Traders,${issue.toISOString().slice(0, 10)},${due.toISOString().slice(0, 10)},${rupees}.${String(paise).padStart(2, '0')},INR\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function runChild(mode: 'import' | 'baseline', file: string, folder: string): { ms: number; maxRssMb: number; invoices: number; customers: number } {
  mkdirSync(folder, { recursive: true });
  const result = spawnSync(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), join('test', 'bench', 'import-child.ts'), mode, file, folder], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`The ${mode} run failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
}

/**
 * Imports a generated, seeded file of 1,000,000 invoices for 100,000 customers into an encrypted
 * ledger, and compares it with plain prepared inserts of the same already-parsed rows into an
 * unencrypted file. Also reports the import's peak resident memory.
 */
export async function importBench(): Promise<BenchResult> {
  const temp = makeTempDir('duewatch-import-bench-');
  try {
    const file = join(temp.path, 'invoices.csv');
    await writeInvoiceFile(file);
    const baseline = runChild('baseline', file, join(temp.path, 'baseline'));
    const imported = runChild('import', file, join(temp.path, 'import'));
    if (imported.invoices !== invoiceCount) throw new Error(`The import wrote ${imported.invoices} invoices, expected ${invoiceCount}.`);
    return {
      name: 'import',
      lines: [
        `${invoiceCount.toLocaleString('en-IN')} invoices for ${imported.customers.toLocaleString('en-IN')} customers, generated CSV`,
        ratioLine('import (parse, validate, match, write encrypted) vs plain inserts', imported.ms, baseline.ms, 2.5),
        `peak memory of the import process: ${imported.maxRssMb.toFixed(0)} MB (goal < 600 MB, ${imported.maxRssMb < 600 ? 'meets' : 'MISSES'})`,
      ],
    };
  } finally {
    temp.remove();
  }
}
