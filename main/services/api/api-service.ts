import type Database from 'better-sqlite3-multiple-ciphers';
import { EventEmitter } from 'node:events';
import type { AlertsResponse, CreditDecision, InvoiceBody, PaymentBody, RiskView } from '../../../core/api/schemas';
import type { RateLimit } from '../../../core/api/token-bucket';
import type { ApiRequestLogEntry, ApiScope, ApiSettings, ApiStatus, ApiToken } from '../../../core/contract/api';
import { defaultApiSettings } from '../../../core/contract/api';
import type { CustomerInput, CustomerRecord } from '../../../core/contract/customers';
import type { AppConfig } from '../config';
import type { ScoringService } from '../scoring/scoring-service';
import type { Session } from '../session';
import { isLoopbackAddress, readApiSettings, readApiSettingsRaw, updateApiSettings } from './api-settings';
import { checkCredit, readRiskWithDetail } from './credit-check';
import { saveCustomer } from './customer-writer';
import { LedgerRefresh, type RefreshTiming } from './ledger-refresh';
import { saveInvoice, savePayment } from './ledger-writer';
import { RequestLog } from './request-log';
import { lookupCustomers, readCustomer, readOpenAlerts, type CustomerLookup } from './risk-reads';
import { authenticate, createToken, listTokens, revokeToken, type Authentication } from './tokens';
import { normalizeCustomerBody } from './validation';
import { runApiWrite, type WriteOutcome, type WriteRequest, type WriteStep } from './write-transaction';

/**
 * The local API's state and work that does not depend on HTTP: its settings and tokens in the
 * unlocked ledger, the recent-request list, the server's status, and the reads and writes the
 * endpoints run. The HTTP server in main/api calls it; the Settings screen reaches it through the
 * contract. Emits `settings` after the settings change, so the server host can restart.
 */
export class ApiService {
  readonly events = new EventEmitter();
  readonly requestLog = new RequestLog();
  private readonly refresh: LedgerRefresh;
  private currentStatus: ApiStatus = { running: false, url: null, bindAddress: defaultApiSettings.bindAddress, port: defaultApiSettings.port, loopbackOnly: true, error: null };

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    private readonly scoring: ScoringService,
    onLedgerChanged: (reason: string) => Promise<void>,
    refreshTiming?: RefreshTiming,
  ) {
    const logger = config.logger.child({ subsystem: 'api' });
    const refreshLedger = async () => {
      await onLedgerChanged('api');
      session.emit('ledger.changed', { tables: ['customers', 'invoices', 'payments', 'allocations'] });
    };
    this.refresh = new LedgerRefresh(refreshLedger, logger, refreshTiming);
    session.events.on('event', (name: string, payload: { unlocked?: boolean }) => {
      if (name !== 'session.changed' || payload.unlocked !== false) return;
      this.refresh.cancel();
    });
  }

  settings(): Promise<ApiSettings> {
    return readApiSettings(this.session.require().database.db);
  }

  async updateSettings(changes: Partial<ApiSettings>): Promise<ApiSettings> {
    const next = await updateApiSettings(this.session.require().database.db, changes, this.config.now());
    this.events.emit('settings', next);
    return next;
  }

  /** Reads the per-token rate limit from the unlocked ledger's settings; called for each request. */
  rateLimit(): RateLimit {
    const settings = readApiSettingsRaw(this.session.require().database.raw);
    return { perSecond: settings.rateLimitPerSecond, burst: settings.rateLimitBurst };
  }

  status(): ApiStatus {
    return this.currentStatus;
  }

  /** Records where the server listens, or why it does not; called by the server host. */
  setStatus(status: Omit<ApiStatus, 'loopbackOnly'>): void {
    this.currentStatus = { ...status, loopbackOnly: isLoopbackAddress(status.bindAddress) };
  }

  tokens(includeRevoked: boolean): Promise<ApiToken[]> {
    return listTokens(this.session.require().database.db, includeRevoked);
  }

  createToken(name: string, scopes: readonly ApiScope[]): Promise<{ token: ApiToken; secret: string }> {
    return createToken(this.session.require().database.db, name, scopes, this.config.now());
  }

  revokeToken(select: { id: number } | { name: string }): Promise<ApiToken> {
    return revokeToken(this.session.require().database.db, select, this.config.now());
  }

  authenticate(token: string): Authentication {
    return authenticate(this.session.require().database.raw, token);
  }

  recordRequest(entry: Omit<ApiRequestLogEntry, 'at'>): void {
    this.requestLog.add({ at: this.config.now().toISOString(), ...entry });
  }

  requests(limit: number): ApiRequestLogEntry[] {
    return this.requestLog.recent(limit);
  }

  lookupCustomers(lookup: CustomerLookup): Promise<CustomerRecord[]> {
    return this.read((raw) => lookupCustomers(raw, lookup));
  }

  customer(id: number): Promise<CustomerRecord> {
    return this.read((raw) => readCustomer(raw, id));
  }

  risk(customerId: number): Promise<RiskView> {
    return readRiskWithDetail(this.session, this.scoring, customerId);
  }

  alerts(customerId: number | undefined): Promise<AlertsResponse> {
    return this.read((raw) => readOpenAlerts(raw, customerId));
  }

  creditCheck(customerId: number, amountMinor: number, currency: string | undefined): Promise<CreditDecision> {
    return checkCredit(this.session, this.scoring, customerId, amountMinor, currency);
  }

  saveCustomer(input: CustomerInput, request: WriteRequest) {
    const clean = normalizeCustomerBody(input);
    return this.write(request, (raw, at) => saveCustomer(raw, clean, at));
  }

  saveInvoice(body: InvoiceBody, request: WriteRequest) {
    return this.write(request, (raw, at) => saveInvoice(raw, body, at));
  }

  savePayment(body: PaymentBody, request: WriteRequest) {
    return this.write(request, (raw, at) => savePayment(raw, body, at));
  }

  /** Runs a pending ledger refresh now; tests and the command line call it before reading scores. */
  flushRefresh(): Promise<void> {
    return this.refresh.flush();
  }

  /** Reads on the ledger's connection, after any import that is using it has finished. */
  private read<T>(fn: (raw: Database.Database) => T): Promise<T> {
    const { raw, db } = this.session.require().database;
    return db.connection().execute(async () => fn(raw));
  }

  /** Runs a write, then rescores its customer and schedules the deferred full refresh when it changed something. */
  private async write<T>(request: WriteRequest, fn: (raw: Database.Database, at: string) => WriteStep<T>): Promise<WriteOutcome<T>> {
    const now = this.config.now();
    const outcome = await runApiWrite(this.session, now, request, (raw) => fn(raw, now.toISOString()));
    if (!outcome.replayed && outcome.change !== 'unchanged') {
      await this.scoring.rescoreCustomer(outcome.customerId);
      this.refresh.schedule();
    }
    return outcome;
  }
}
