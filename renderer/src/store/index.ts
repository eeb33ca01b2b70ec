import { create, type StateCreator } from 'zustand';
import type { LedgerSummary, SessionState } from '../../../core/contract/index';
import { call } from '../api/client';

export const sections = ['portfolio', 'import', 'customers', 'alerts', 'reminders', 'privacy', 'settings'] as const;
export type Section = (typeof sections)[number];

interface SessionSlice {
  session: SessionState | null;
  ledgers: LedgerSummary[];
  /** Set right after creation or recovery, cleared when the user confirms they stored it. */
  recoveryKeyToShow: string | null;
  refreshSession(): Promise<void>;
  setSession(session: SessionState): void;
  showRecoveryKey(key: string | null): void;
  lock(): Promise<void>;
}

interface NavigationSlice {
  section: Section;
  /** The customer open in the Customers section, or null for the list. */
  customerId: number | null;
  go(section: Section): void;
  openCustomer(customerId: number | null): void;
  /** The alert whose evidence the customer screen highlights, when it was opened from the alert inbox. */
  highlightedAlertId: number | null;
  openAlert(customerId: number, alertId: number): void;
}

interface NoticeSlice {
  notice: { kind: 'info' | 'error'; text: string } | null;
  notify(kind: 'info' | 'error', text: string): void;
  dismissNotice(): void;
}

export type AppStore = SessionSlice & NavigationSlice & NoticeSlice;

const createSessionSlice: StateCreator<AppStore, [], [], SessionSlice> = (set) => ({
  session: null,
  ledgers: [],
  recoveryKeyToShow: null,
  async refreshSession() {
    const [session, ledgers] = await Promise.all([call('session.state', {}), call('ledger.list', {})]);
    set({ session, ledgers });
  },
  setSession(session) {
    set({ session });
  },
  showRecoveryKey(key) {
    set({ recoveryKeyToShow: key });
  },
  async lock() {
    const session = await call('ledger.lock', {});
    set({ session, section: 'portfolio', customerId: null });
  },
});

const createNavigationSlice: StateCreator<AppStore, [], [], NavigationSlice> = (set) => ({
  section: 'portfolio',
  customerId: null,
  go(section) {
    set({ section, customerId: null });
  },
  openCustomer(customerId) {
    set({ section: 'customers', customerId, highlightedAlertId: null });
  },
  highlightedAlertId: null,
  openAlert(customerId, alertId) {
    set({ section: 'customers', customerId, highlightedAlertId: alertId });
  },
});

const createNoticeSlice: StateCreator<AppStore, [], [], NoticeSlice> = (set) => ({
  notice: null,
  notify(kind, text) {
    set({ notice: { kind, text } });
  },
  dismissNotice() {
    set({ notice: null });
  },
});

/** The renderer's one store, built from slices. Ledger data stays in main, and this store contains view state only. */
export const useAppStore = create<AppStore>()((...args) => ({
  ...createSessionSlice(...args),
  ...createNavigationSlice(...args),
  ...createNoticeSlice(...args),
}));
