import { alertsBench } from './alerts.bench';
import { importBench } from './import.bench';
import { ledgerBench } from './ledger.bench';
import { scoringBench } from './scoring.bench';
import { apiBench } from './api.bench';
import type { Bench } from './harness';

/**
 * `npm run bench [NAME...]`: each bench measures against a baseline taken in the same run on
 * the same machine, and prints ratios, because absolute times on shared machines are noise.
 */
const benches: Record<string, Bench> = {
  ledger: ledgerBench,
  import: importBench,
  scoring: scoringBench,
  alerts: alertsBench,
  api: apiBench,
};

async function main(): Promise<void> {
  const selected = process.argv.slice(2);
  const names = selected.length === 0 ? Object.keys(benches) : selected;
  for (const name of names) {
    const bench = benches[name];
    if (bench === undefined) {
      console.error(`Unknown bench "${name}". Choose from: ${Object.keys(benches).join(', ')}.`);
      process.exit(2);
    }
    const result = await bench();
    console.log(`\n== ${result.name}`);
    for (const line of result.lines) console.log(`   ${line}`);
  }
}

void main();
