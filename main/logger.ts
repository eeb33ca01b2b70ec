import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The one logger of the main process. Subsystems take a child (`logger.child({ subsystem:
 * 'vault' })`) and log ids, counts and timings only. The redact list is a second line of defence
 * for fields that must never reach a log: passphrases, keys, names, amounts and contact details.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? process.env.DUEWATCH_LOG_LEVEL ?? 'info';
  return pino(
    {
      level,
      base: { app: 'duewatch' },
      redact: {
        paths: ['passphrase', 'newPassphrase', 'currentPassphrase', 'recoveryKey', 'dataKey', 'key', 'token', 'name', 'email', 'phone', 'amount', 'amountMinor', 'input', '*.passphrase', '*.name', '*.email', '*.phone'],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination(2),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
