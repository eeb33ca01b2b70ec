import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_import_changes';
import * as m0003 from './0003_scoring';
import * as m0004 from './0004_privacy';
import * as m0005 from './0005_reminders';
import * as m0006 from './0006_alerts';
import * as m0007 from './0007_api';

/**
 * Every migration, bundled with the app through static imports, in the order they run. Names
 * sort in that order. Migrations are forward-only: a ledger whose migration table names one
 * missing here was written by a newer Duewatch and is refused.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_import_changes': m0002,
  '0003_scoring': m0003,
  '0004_privacy': m0004,
  '0005_reminders': m0005,
  '0006_alerts': m0006,
  '0007_api': m0007,
};

export const latestMigration = Object.keys(migrations).sort().at(-1) ?? '';
