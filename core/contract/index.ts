import type { z } from 'zod';
import { customerRequests } from './customers';
import { importRequests } from './imports';
import { riskRequests } from './risk';
import { ledgerRequests } from './ledger';
import { privacyRequests } from './privacy';
import { reminderRequests } from './reminders';
import { apiRequests } from './api';
import { alertRequests } from './alerts';

export * from './errors';
export * from './events';
export * from './define';
export * from './ledger';
export * from './customers';
export * from './imports';
export * from './privacy';
export * from './reminders';
export * from './risk';
export * from './api';
export * from './alerts';

/**
 * Every request the renderer, the browser-mode server and the command line can make. The
 * preload bridge, the main-process handlers and the renderer client all derive from this
 * object, so a request name is written only here.
 */
export const contract = {
  ...ledgerRequests,
  ...customerRequests,
  ...importRequests,
  ...privacyRequests,
  ...reminderRequests,
  ...riskRequests,
  ...apiRequests,
  ...alertRequests,
} as const;

export type Contract = typeof contract;
export type RequestName = keyof Contract;
export type RequestInput<Name extends RequestName> = z.input<Contract[Name]['input']>;
export type ParsedInput<Name extends RequestName> = z.output<Contract[Name]['input']>;
export type RequestOutput<Name extends RequestName> = z.output<Contract[Name]['output']>;

export const requestNames = Object.keys(contract) as RequestName[];

export function isRequestName(value: unknown): value is RequestName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The single Electron IPC channel that carries every request as (name, input). */
export const ipcRequestChannel = 'duewatch:request';
/** The Electron IPC channel for push events. */
export const ipcEventChannel = 'duewatch:event';
