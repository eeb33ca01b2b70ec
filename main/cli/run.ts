import { parseArgs } from 'node:util';
import { ServiceError } from '../services/errors';
import { apiCommand } from './api-commands';
import { createCliContext, type CliContext } from './context';
import { customerAdd, type OptionValues } from './customer-commands';
import { importFile } from './import-commands';
import { ledgerChangePassphrase, ledgerCreate, ledgerInfo } from './ledger-commands';
import { auditVerify, customerErase, customerExport } from './privacy-commands';
import { listScores, runBacktest } from './risk-commands';
import { listAlerts } from './alert-commands';
import { remindersRun } from './reminder-commands';
import { UsageError } from './secrets';

interface Command {
  readonly usage: string;
  readonly summary: string;
  /** Resolves to the exit status, or to nothing for 0. */
  run(context: CliContext, positionals: string[], options: OptionValues): Promise<number | void>;
}

/** Every command, keyed by its words. Features add their commands here. */
const commands: Record<string, Command> = {
  'ledger create': { usage: 'ledger create PATH', summary: 'Create an encrypted ledger and print its recovery key once.', run: (c, p) => ledgerCreate(c, p) },
  'ledger info': { usage: 'ledger info PATH', summary: 'Show a ledger\'s id, schema, record counts and audit status.', run: (c, p) => ledgerInfo(c, p) },
  'ledger change-passphrase': {
    usage: 'ledger change-passphrase PATH',
    summary: 'Change the passphrase (current from DUEWATCH_PASSPHRASE, new from DUEWATCH_NEW_PASSPHRASE, or one per line on standard input).',
    run: (c, p) => ledgerChangePassphrase(c, p),
  },
  import: {
    usage: 'import FILE --ledger PATH [--preset NAME] [--mapping FILE] [--currency INR] [--terms DAYS] [--dry-run]',
    summary: 'Import a CSV, XLSX or Tally XML file in one transaction; --dry-run writes nothing. Exit status 1 when rows had errors.',
    run: (c, p, o) => importFile(c, p, o),
  },
  scores: {
    usage: 'scores --ledger PATH [--as-of YYYY-MM-DD]',
    summary: 'Score every customer as of the date (default today) and list score, band, reasons, SMA class and indicators.',
    run: (c, _p, o) => listScores(c, o),
  },
  alerts: {
    usage: 'alerts --ledger PATH [--as-of YYYY-MM-DD]',
    summary: 'Run the early-warning rules for every day since the last run up to the date (default today), as the app does when it opens a ledger, and list the alerts not resolved with rule, customer, date and evidence.',
    run: (c, _p, o) => listAlerts(c, o),
  },
  backtest: {
    usage: 'backtest --ledger PATH --split YYYY-MM-DD --out FILE.csv',
    summary: 'Write the late-payment probability of every invoice issued on or after the split, as scored on its issue day, and print the AUC.',
    run: (c, _p, o) => runBacktest(c, o),
  },
  'customer add': {
    usage: 'customer add --ledger PATH --name NAME [--code CODE] [--gstin GSTIN] [--pan PAN] [--email E]... [--phone P]... [--credit-limit AMOUNT --currency INR] [--terms DAYS] [--segment S] [--address A]',
    summary: 'Add one customer.',
    run: (c, _p, o) => customerAdd(c, o),
  },
  'customer export': {
    usage: 'customer export ID --ledger PATH --out DIR',
    summary: 'Write everything held about one customer to DIR: data.json, one CSV per table and summary.html.',
    run: (c, p, o) => customerExport(c, p, o),
  },
  'customer erase': {
    usage: 'customer erase ID --ledger PATH --confirm NAME',
    summary: 'Erase one customer\'s personal data; invoices and payments stay under a pseudonym as accounting law requires. NAME must be the customer\'s name.',
    run: (c, p, o) => customerErase(c, p, o),
  },
  'audit verify': {
    usage: 'audit verify --ledger PATH',
    summary: 'Check the audit log\'s hash chain without writing to the ledger. Exit status 1 names the first altered, removed or reordered entry.',
    run: (c, _p, o) => auditVerify(c, o),
  },
  'reminders run': {
    usage: 'reminders run --ledger PATH [--as-of DATETIME]',
    summary: 'Send the payment reminders due now or at --as-of (2026-12-04T10:30 in the reminders\' time zone, or with Z or an offset); in review mode they are drafted instead. Lists what was sent, skipped and deferred. Exit status 1 when an e-mail failed or waits for a retry.',
    run: (c, _p, o) => remindersRun(c, o),
  },
  api: {
    usage: 'api --ledger PATH [--port N] [--bind ADDRESS] | api token create NAME --scope risk:read [--scope ledger:write] --ledger PATH | api token list --ledger PATH | api token revoke NAME --ledger PATH',
    summary: 'Serve the local HTTP API until Ctrl-C or SIGTERM (port and address default to the ledger\'s settings), or create a bearer token (printed once), list tokens, or revoke one.',
    run: (c, p, o) => apiCommand(c, p, o),
  },
};

const optionSpec = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'data-dir': { type: 'string' },
  ledger: { type: 'string' },
  preset: { type: 'string' },
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'as-of': { type: 'string' },
  split: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  code: { type: 'string' },
  gstin: { type: 'string' },
  pan: { type: 'string' },
  email: { type: 'string', multiple: true },
  phone: { type: 'string', multiple: true },
  'credit-limit': { type: 'string' },
  currency: { type: 'string' },
  terms: { type: 'string' },
  segment: { type: 'string' },
  address: { type: 'string' },
  confirm: { type: 'string' },
  port: { type: 'string' },
  bind: { type: 'string' },
  scope: { type: 'string', multiple: true },
} as const;

export function usageText(): string {
  const lines = ['Usage: duewatch COMMAND [--json] [--data-dir DIR]', '', 'Commands:'];
  for (const command of Object.values(commands)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push('', 'Passphrases come from DUEWATCH_PASSPHRASE or standard input, never from an argument.', '--json prints machine-readable output. Exit status is 0 only on success.');
  return lines.join('\n');
}

/** Runs one command line and returns the exit status: 0 success, 1 failure, 2 usage error. */
export async function runCli(argv: readonly string[]): Promise<number> {
  if (argv.some((arg) => arg === '--passphrase' || arg.startsWith('--passphrase='))) {
    process.stderr.write('duewatch: error: passphrases are not accepted as arguments; set DUEWATCH_PASSPHRASE or pass it on standard input.\n');
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`duewatch: error: ${error instanceof Error ? error.message : String(error)}\n${usageText()}\n`);
    return 2;
  }
  const [first = '', second = '', ...rest] = parsed.positionals;
  const singleWord = commands[first];
  const command = singleWord ?? commands[`${first} ${second}`];
  const commandArgs = singleWord === undefined ? rest : [second, ...rest].filter((arg) => arg !== '');
  if (parsed.values.help === true || command === undefined) {
    const known = first === '' || parsed.values.help === true;
    (known ? process.stdout : process.stderr).write(`${known ? '' : `duewatch: error: unknown command "${`${first} ${second}`.trim()}".\n`}${usageText()}\n`);
    return known ? 0 : 2;
  }
  const context = createCliContext(parsed.values.json === true, parsed.values['data-dir']);
  try {
    const status = await command.run(context, commandArgs, parsed.values as OptionValues);
    return typeof status === 'number' ? status : 0;
  } catch (error) {
    return reportError(context, error);
  } finally {
    await context.services.shutdown();
  }
}

function reportError(context: CliContext, error: unknown): number {
  const code = error instanceof ServiceError ? error.code : error instanceof UsageError ? 'usage' : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  if (context.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code, message } })}\n`);
  process.stderr.write(`duewatch: error: ${message.replace(/\s+/g, ' ')}\n`);
  return error instanceof UsageError ? 2 : 1;
}
