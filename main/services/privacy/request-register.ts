import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { privacyRequestSchema } from '../../../core/contract/privacy';
import { isOverdue, requestDueDate, type PrivacyRequestKind, type PrivacyRequestStatus } from '../../../core/privacy/requests';
import type { LedgerDatabase } from '../../db/connection';
import type { PrivacyRequestsTable } from '../../db/schema';
import { appendAudit } from '../audit';
import { ServiceError } from '../errors';
import type { Executor } from './customer-data';
import { readPrivacySettings } from './privacy-settings';

export type PrivacyRequestOutput = z.infer<typeof privacyRequestSchema>;
type RequestRow = Selectable<PrivacyRequestsTable> & { customer_name: string | null };

export interface RequestChanges {
  readonly status?: PrivacyRequestStatus;
  readonly responseSentOn?: string | null;
  readonly responseText?: string | null;
  readonly notes?: string | null;
}

function toOutput(row: RequestRow, today: string): PrivacyRequestOutput {
  return {
    id: row.id,
    kind: row.kind,
    customerId: row.customer_id,
    customerName: row.customer_name,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    status: row.status,
    overdue: isOverdue(row.status, row.due_on, today),
    responseSentOn: row.response_sent_on,
    responseText: row.response_text,
    notes: row.notes,
  };
}

function selectRequests(db: Executor) {
  return db.selectFrom('privacy_requests as r').leftJoin('customers as c', 'c.id', 'r.customer_id').selectAll('r').select('c.name as customer_name');
}

export async function listRequests(db: Executor, includeClosed: boolean, today: string): Promise<PrivacyRequestOutput[]> {
  let query = selectRequests(db).orderBy('r.due_on').orderBy('r.id');
  if (!includeClosed) query = query.where('r.status', 'not in', ['completed', 'rejected']);
  return (await query.execute()).map((row) => toOutput(row, today));
}

export async function getRequest(db: Executor, id: number, today: string): Promise<PrivacyRequestOutput> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  if (row === undefined) throw new ServiceError('not_found', `No request in the register has the id ${id}.`);
  return toOutput(row, today);
}

/** Adds a request to the register with its due date from the deadline settings. */
export async function createRequest(db: LedgerDatabase, kind: PrivacyRequestKind, customerId: number | null, receivedOn: string, notes: string | null, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  if (receivedOn > today) throw new ServiceError('invalid_input', `The received date ${receivedOn} is in the future: enter the day the request arrived.`);
  return db.transaction().execute(async (trx) => {
    if (customerId !== null) {
      const customer = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
      if (customer === undefined) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
    }
    const { deadlines } = await readPrivacySettings(trx);
    const at = now.toISOString();
    const row = await trx
      .insertInto('privacy_requests')
      .values({ kind, customer_id: customerId, received_on: receivedOn, due_on: requestDueDate(kind, receivedOn, deadlines), status: 'open', response_sent_on: null, response_text: null, notes, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { action: 'privacy_request.created', entityType: 'privacy_request', entityId: row.id, details: { customerId } }, now);
    return row.id;
  });
}

/**
 * Changes a request's status, response or notes. Setting the status to `extended` moves the due
 * date by the extension GDPR art. 12(3) allows; completing a request needs the response date.
 */
export async function updateRequest(db: LedgerDatabase, id: number, changes: RequestChanges, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('privacy_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (current === undefined) throw new ServiceError('not_found', `No request in the register has the id ${id}.`);
    const responseSentOn = changes.responseSentOn === undefined ? current.response_sent_on : changes.responseSentOn;
    if (changes.status === 'completed' && responseSentOn === null) {
      throw new ServiceError('invalid_input', 'Enter the date the response was sent before marking the request completed.');
    }
    if (responseSentOn !== null && responseSentOn < current.received_on) {
      throw new ServiceError('invalid_input', `The response date ${responseSentOn} is before the request arrived on ${current.received_on}.`);
    }
    const { deadlines } = await readPrivacySettings(trx);
    const dueOn = changes.status === 'extended' ? requestDueDate(current.kind, current.received_on, deadlines, true) : current.due_on;
    await trx
      .updateTable('privacy_requests')
      .set({
        status: changes.status ?? current.status,
        due_on: dueOn,
        response_sent_on: responseSentOn,
        response_text: changes.responseText === undefined ? current.response_text : changes.responseText,
        notes: changes.notes === undefined ? current.notes : changes.notes,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    const fields = (Object.keys(changes) as (keyof RequestChanges)[]).filter((key) => changes[key] !== undefined);
    await appendAudit(trx, { action: 'privacy_request.updated', entityType: 'privacy_request', entityId: id, details: { fields } }, now);
  });
}
