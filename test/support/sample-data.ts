import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Locates the real sample data sets through DUEWATCH_SAMPLE_DATA. Tests that need them call
 * `sampleDataPath` inside `describe.skipIf(!sampleData.available)`; under CI=true a missing
 * folder is an error instead of a skip, so CI cannot pass without the real data.
 */
const folder = process.env.DUEWATCH_SAMPLE_DATA;
const available = folder !== undefined && folder !== '' && existsSync(folder);

if (!available && process.env.CI === 'true') {
  throw new Error(
    `DUEWATCH_SAMPLE_DATA is ${folder === undefined ? 'unset' : `"${folder}", which does not exist`}; CI needs the sample data folder.`,
  );
}
if (!available) {
  console.warn('Skipping tests on real sample data: set DUEWATCH_SAMPLE_DATA to the folder that holds ibm-ar/, cassandra/ and tally/.');
}

export const sampleData = { available };

export function sampleDataPath(...parts: string[]): string {
  if (!available || folder === undefined) throw new Error('DUEWATCH_SAMPLE_DATA is not set.');
  return join(folder, ...parts);
}
