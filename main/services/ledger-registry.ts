import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readKeyFile } from '../vault/keyring';

export const ledgerExtension = '.duewatch';

export interface KnownLedger {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly sizeBytes: number;
  readonly modifiedAt: string | null;
}

/**
 * The ledgers this computer knows: every `*.duewatch` file in the data folder's `ledgers`
 * folder, plus ledgers created or opened elsewhere, whose paths are kept in `known-ledgers.json`.
 */
export class LedgerRegistry {
  constructor(private readonly dataDir: string) {}

  get ledgersFolder(): string {
    return join(this.dataDir, 'ledgers');
  }

  private get listFile(): string {
    return join(this.dataDir, 'known-ledgers.json');
  }

  pathForNewLedger(name: string): string {
    return join(this.ledgersFolder, `${name}${ledgerExtension}`);
  }

  private externalPaths(): string[] {
    if (!existsSync(this.listFile)) return [];
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.listFile, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Adds a ledger outside the data folder to the list. */
  remember(path: string): void {
    const absolute = resolve(path);
    if (absolute.startsWith(resolve(this.ledgersFolder))) return;
    const paths = new Set(this.externalPaths());
    paths.add(absolute);
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(this.listFile, `${JSON.stringify([...paths], null, 2)}\n`);
  }

  list(): KnownLedger[] {
    const paths = new Set<string>(this.externalPaths());
    if (existsSync(this.ledgersFolder)) {
      for (const entry of readdirSync(this.ledgersFolder)) {
        if (entry.endsWith(ledgerExtension)) paths.add(join(this.ledgersFolder, entry));
      }
    }
    const ledgers: KnownLedger[] = [];
    for (const path of paths) {
      const ledger = describeLedger(path);
      if (ledger !== null) ledgers.push(ledger);
    }
    return ledgers.sort((a, b) => a.name.localeCompare(b.name));
  }

  find(id: string): KnownLedger | null {
    return this.list().find((ledger) => ledger.id === id) ?? null;
  }
}

/** Describes a ledger from its key file and file system entry; null when either is missing or unreadable. */
export function describeLedger(path: string): KnownLedger | null {
  if (!existsSync(path)) return null;
  try {
    const keyFile = readKeyFile(path);
    const stat = statSync(path);
    return {
      id: keyFile.ledgerId,
      name: basename(path, ledgerExtension),
      path,
      sizeBytes: stat.size,
      modifiedAt: stat.mtime.toISOString(),
    };
  } catch {
    return null;
  }
}
