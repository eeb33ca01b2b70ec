import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type { SmtpSettings } from '../../../core/contract/reminders';
import type { Recipient } from '../../../core/reminders/types';
import { ServiceError } from '../errors';

export interface OutgoingMail {
  readonly from: { readonly address: string; readonly name: string };
  readonly to: readonly Recipient[];
  readonly replyTo: string | null;
  readonly subject: string;
  readonly text: string;
  /** Message-ID header with angle brackets, stable for one outbox message. */
  readonly messageId: string;
  readonly attachments: readonly { readonly filename: string; readonly content: Buffer; readonly contentType: string }[];
}

export interface MailReceipt {
  /** The server's reply to the message, such as "250 2.0.0 Ok: queued as 4F3A". */
  readonly response: string;
  readonly messageId: string;
  /** Recipients the server rejected while accepting the message for the others. */
  readonly rejected: readonly string[];
}

/** Sends e-mail; the reminder service takes one per delivery run and closes it afterwards. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<MailReceipt>;
  close(): void;
}

export type MailTransportFactory = (smtp: SmtpSettings, password: string | null) => MailTransport;

/** A failed send, classified for the retry policy. */
export class MailSendError extends Error {
  constructor(
    message: string,
    /** True when sending the same message again would be rejected again (5xx replies, a wrong login). */
    readonly permanent: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

/** Connection waits, in milliseconds: long enough for a slow server, short enough that a run does not hang. */
const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** Error codes that a second attempt cannot fix, because the settings or the message are wrong. */
const permanentCodes = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'EREQUIRETLS']);

function classify(error: unknown): MailSendError {
  const failure = error as NodemailerError;
  const code = typeof failure.code === 'string' ? failure.code : null;
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  const reply = typeof failure.response === 'string' && failure.response !== '' ? failure.response : null;
  const command = typeof failure.command === 'string' && failure.command !== '' ? failure.command.split(' ')[0] : null;
  const base = reply === null ? (error instanceof Error ? error.message : String(error)) : `${reply}${command === null ? '' : ` (the reply to ${command})`}`;
  const cause = failure.originalCode ?? code;
  const message = reply === null && cause !== null && cause !== undefined && !base.includes(cause) ? `${cause}: ${base}` : base;
  const permanent = failure.permanent ?? (responseCode !== null ? responseCode >= 500 && responseCode !== 503 : code !== null && permanentCodes.has(code));
  return new MailSendError(message, permanent, responseCode);
}

/** Maps the security setting onto nodemailer: implicit TLS, STARTTLS required, or plain text only. */
function securityOptions(security: SmtpSettings['security']) {
  if (security === 'tls') return { secure: true };
  if (security === 'starttls') return { secure: false, requireTLS: true };
  return { secure: false, ignoreTLS: true };
}

/** Creates a nodemailer SMTP transport for the stored settings; it rejects a message when the host or sender is missing. */
export const createSmtpTransport: MailTransportFactory = (smtp, password) => {
  if (smtp.host === '') throw new ServiceError('invalid_input', 'No SMTP server is set. Enter the host, port and sender address under Reminders > Settings > E-mail.');
  if (smtp.fromAddress === '') throw new ServiceError('invalid_input', 'No sender address is set. Enter the "From" address under Reminders > Settings > E-mail.');
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    ...securityOptions(smtp.security),
    ...(smtp.username === '' ? {} : { auth: { user: smtp.username, pass: password ?? '' } }),
    ...timeouts,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: { address: mail.from.address, name: mail.from.name },
          to: mail.to.map((recipient) => ({ address: recipient.address, name: recipient.name ?? '' })),
          ...(mail.replyTo === null ? {} : { replyTo: mail.replyTo }),
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          attachments: mail.attachments.map((attachment) => ({ ...attachment })),
        });
        const rejected = (info.rejected ?? []).map(String);
        return { response: info.response, messageId: info.messageId, rejected };
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transporter.close(),
  };
};

/**
 * Derives the Message-ID of an outbox message from the ledger id and the message's idempotency
 * key. A resend after a crash carries the same Message-ID, so mail clients and servers that
 * drop duplicates by Message-ID show it once.
 */
export function reminderMessageId(ledgerId: string, idempotencyKey: string, fromAddress: string): string {
  const digest = createHash('sha256').update(`${ledgerId}\n${idempotencyKey}`).digest('hex').slice(0, 32);
  const domain = /@([A-Za-z0-9.-]+)$/.exec(fromAddress)?.[1] ?? 'duewatch.invalid';
  return `<reminder.${digest}@${domain}>`;
}
