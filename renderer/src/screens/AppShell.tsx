import type { ReactNode } from 'react';
import { sections, useAppStore, type Section } from '../store/index';
import { AlertsScreen } from './alerts/AlertsScreen';
import { useAlertNotifications } from './alerts/notifications';
import { Customers } from './Customers';
import { ImportScreen } from './import/ImportScreen';
import { PrivacyScreen } from './privacy/PrivacyScreen';
import { RemindersScreen } from './reminders/RemindersScreen';
import { PortfolioScreen } from './risk/PortfolioScreen';
import { Settings } from './Settings';

const sectionLabels: Record<Section, string> = {
  portfolio: 'Portfolio',
  import: 'Import',
  customers: 'Customers',
  alerts: 'Alerts',
  reminders: 'Reminders',
  privacy: 'Privacy',
  settings: 'Settings',
};

/** The unlocked app: navigation on the left, the chosen section on the right. */
export function AppShell() {
  const session = useAppStore((state) => state.session);
  const section = useAppStore((state) => state.section);
  const go = useAppStore((state) => state.go);
  const lock = useAppStore((state) => state.lock);
  useAlertNotifications();

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand small">
          <span className="brand-mark" aria-hidden="true">₹</span>
          <span className="brand-name">Duewatch</span>
        </div>
        <div className="ledger-badge" title={session?.ledger?.path}>{session?.ledger?.name}</div>
        <ul>
          {sections.map((item) => (
            <li key={item}>
              <button type="button" className={item === section ? 'nav active' : 'nav'} aria-current={item === section ? 'page' : undefined} onClick={() => go(item)}>
                {sectionLabels[item]}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <button type="button" className="secondary" onClick={() => void lock()}>Lock</button>
          <p className="hint">Locks after {session?.autoLockMinutes ?? 15} minutes idle.</p>
        </div>
      </nav>
      <main className="content">{renderSection(section)}</main>
    </div>
  );
}

function renderSection(section: Section): ReactNode {
  switch (section) {
    case 'portfolio':
      return <PortfolioScreen />;
    case 'customers':
      return <Customers />;
    case 'settings':
      return <Settings />;
    case 'import':
      return <ImportScreen />;
    case 'alerts':
      return <AlertsScreen />;
    case 'reminders':
      return <RemindersScreen />;
    case 'privacy':
      return <PrivacyScreen />;
  }
}
