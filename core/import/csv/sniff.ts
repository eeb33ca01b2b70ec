import { defaultImportLimits } from '../limits';
import { CsvTokenizer } from './tokenizer';

export const delimiterCandidates = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiterCandidates)[number];

const sampleRecords = 50;

function fieldCounts(sample: string, delimiter: Delimiter): number[] {
  const counts: number[] = [];
  const tokenizer = new CsvTokenizer(delimiter, defaultImportLimits);
  const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  const complete = lastBreak > 0 ? sample.slice(0, lastBreak + 1) : sample;
  try {
    tokenizer.push(complete, (fields) => {
      if (counts.length < sampleRecords) counts.push(fields.length);
    });
  } catch {
    // A sample cut inside a huge field still gives the counts read so far.
  }
  return counts;
}

/**
 * Picks the delimiter that splits the most sample records into the same number of fields (more
 * than one). Title lines and blank lines have one field under every candidate, so they do not
 * count. Ties go to the earlier candidate: comma, semicolon, tab, pipe.
 */
export function sniffDelimiter(sample: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of delimiterCandidates) {
    const frequency = new Map<number, number>();
    for (const count of fieldCounts(sample, delimiter)) {
      if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    let score = 0;
    for (const [count, records] of frequency) score = Math.max(score, records * 1000 + Math.min(count, 999));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
