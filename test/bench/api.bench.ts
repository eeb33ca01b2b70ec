import type Database from 'better-sqlite3-multiple-ciphers';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startApiServer } from '../../main/api/server';
import { silentLogger } from '../../main/logger';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';
import { ratioLine, type BenchResult } from './harness';
import { seededRandom } from '../support/random';

const customerCount = 2_000;
const invoicesPerCustomer = 20;
const lookupCount = 3_000;
const warmUpCount = 300;


function isoDay(day: number): string {
  return new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Writes 2,000 customers with 20 invoices each, most of them paid, some late. */
function generateLedger(raw: Database.Database): void {
  const random = seededRandom(7);
  const now = '2026-01-01T00:00:00Z';
  const insertCustomer = raw.prepare('insert into customers (id, external_ref, name, name_key, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
  const insertInvoice = raw.prepare("insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, ?, ?, ?, ?, 'INR', ?)");
  const insertPayment = raw.prepare("insert into payments (customer_id, payment_date, amount_minor, currency, created_at) values (?, ?, ?, 'INR', ?)");
  const insertAllocation = raw.prepare('insert into allocations (invoice_id, payment_id, amount_minor) values (?, ?, ?)');
  raw.transaction(() => {
    for (let customer = 1; customer <= customerCount; customer += 1) {
      insertCustomer.run(customer, `C${customer}`, `Customer ${customer}`, `customer ${customer}`, now, now);
      for (let number = 0; number < invoicesPerCustomer; number += 1) {
        const issue = Math.floor(random() * 680);
        const amount = 10_000 + Math.floor(random() * 5_000_000);
        const invoiceId = Number(insertInvoice.run(customer, `INV-${customer}-${number}`, isoDay(issue), isoDay(issue + 30), amount, now).lastInsertRowid);
        const settled = issue + 30 + Math.floor((random() - 0.6) * 30 * (1 + (customer % 5)));
        if (random() < 0.85 && settled < 700) {
          const paymentId = Number(insertPayment.run(customer, isoDay(Math.max(issue, settled)), amount, now).lastInsertRowid);
          insertAllocation.run(invoiceId, paymentId, amount);
        }
      }
    }
  })();
}

function getJson(agent: Agent, port: number, path: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` }, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`GET ${path} answered ${response.statusCode}: ${Buffer.concat(chunks).toString('utf8')}`));
        else resolve();
      });
    });
    sent.on('timeout', () => sent.destroy(new Error(`GET ${path} timed out after 10 s.`)));
    sent.on('error', reject);
    sent.end();
  });
}

interface Timings {
  readonly perSecond: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Calls `lookup` for each id in turn and returns the rate and latency percentiles. */
async function measure(ids: readonly number[], lookup: (id: number) => Promise<unknown>): Promise<Timings> {
  const times: number[] = [];
  const started = performance.now();
  for (const id of ids) {
    const start = performance.now();
    await lookup(id);
    times.push(performance.now() - start);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? Number.NaN;
  return { perSecond: (ids.length / total) * 1000, meanMs: total / ids.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

const describeTimings = (label: string, timings: Timings) =>
  `${label}: ${timings.perSecond.toFixed(0)} lookups/s, p50 ${timings.p50Ms.toFixed(2)} ms, p99 ${timings.p99Ms.toFixed(2)} ms`;

/**
 * Sends 3,000 risk lookups (GET /v1/customers/:id/risk) for one token over one keep-alive
 * connection on 127.0.0.1, one after another, and makes the same lookups in-process through the
 * API service (the same reads and scoring without HTTP). The ratio of mean times is the HTTP
 * layer's overhead: routing, the Host, token, rate-limit and scope checks, validation and JSON.
 */
export async function apiBench(): Promise<BenchResult> {
  const temp = makeTempDir('duewatch-bench-api-');
  const services = createTestServices(temp.path);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await services.ledgers.create('API bench', testPassphrase);
    generateLedger(services.session.require().database.raw);
    await services.scoring.rescoreAll();
    // The default limit of 50 requests per second would measure the limiter, not the API.
    await services.api.updateSettings({ rateLimitPerSecond: 10_000, rateLimitBurst: 10_000 });
    const { secret } = await services.api.createToken('bench', ['risk:read']);
    const server = await startApiServer({ services, logger: silentLogger, bindAddress: '127.0.0.1', port: 0 });
    const random = seededRandom(99);
    const ids = Array.from({ length: lookupCount }, () => 1 + Math.floor(random() * customerCount));
    const warmUp = ids.slice(0, warmUpCount);
    try {
      await measure(warmUp, (id) => getJson(agent, server.port, `/v1/customers/${id}/risk`, secret));
      await measure(warmUp, (id) => services.api.risk(id));
      const overHttp = await measure(ids, (id) => getJson(agent, server.port, `/v1/customers/${id}/risk`, secret));
      const inProcess = await measure(ids, (id) => services.api.risk(id));
      return {
        name: 'api',
        lines: [
          `${lookupCount.toLocaleString('en-IN')} risk lookups of ${customerCount.toLocaleString('en-IN')} customers (${invoicesPerCustomer} invoices each), one token, one keep-alive connection, after ${warmUpCount} warm-up lookups`,
          describeTimings('over HTTP on 127.0.0.1', overHttp),
          describeTimings('in-process', inProcess),
          ratioLine('mean lookup, HTTP vs in-process', overHttp.meanMs, inProcess.meanMs, 2),
        ],
      };
    } finally {
      await server.close();
    }
  } finally {
    agent.destroy();
    await services.shutdown();
    temp.remove();
  }
}
