import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { parseMail, type ParsedMail } from './mime';

export interface CapturedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly mail: ParsedMail;
}

export interface TestSmtpOptions {
  /** Reply to every message with this SMTP error after reading it, for example 550. */
  readonly rejectWith?: { readonly code: number; readonly message: string };
  /** Require this login; without it any client may send. */
  readonly login?: { readonly username: string; readonly password: string };
  /** Called when a message has been read and before the server replies to it. */
  readonly beforeReply?: (mail: CapturedMail) => Promise<void> | void;
}

export interface TestSmtpServer {
  readonly port: number;
  /** Every message read in full, unless the server rejects them all. */
  readonly messages: CapturedMail[];
  /** Number of logins rejected. */
  readonly failedLogins: () => number;
  close(): Promise<void>;
}

/**
 * Starts a real SMTP server (the smtp-server package) on 127.0.0.1 at a free port, without TLS,
 * that keeps every message it accepts.
 */
export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  let rejectedLogins = 0;
  const settings: SMTPServerOptions = {
    disabledCommands: options.login === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: options.login === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const login = options.login;
      if (login !== undefined && auth.username === login.username && auth.password === login.password) return callback(null, { user: auth.username });
      rejectedLogins += 1;
      return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const captured: CapturedMail = {
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          mail: parseMail(raw),
        };
        const rejection = options.rejectWith;
        // A message counts as received once it is read, before the reply, as a real server would deliver it.
        if (rejection === undefined) messages.push(captured);
        void Promise.resolve(options.beforeReply?.(captured)).then(() => {
          if (rejection !== undefined) return callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
          return callback(null, 'Ok: queued as TEST');
        });
      });
    },
  };
  const server = new SMTPServer(settings);
  const port = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
  return {
    port,
    messages,
    failedLogins: () => rejectedLogins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
