import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AboutDialog } from './components/AboutDialog';
import { CreateAccessKeyDialog } from './components/CreateAccessKeyDialog';
import { DataSafety } from './components/DataSafety';
import { KeychainNotices } from './components/KeychainNotices';
import { Sidebar } from './components/Sidebar';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { Toasts } from './components/Toasts';
import { WelcomeDialog } from './components/WelcomeDialog';
import { useMainEvents } from './events/useMainEvents';
import { useKeyboardShortcut } from './hooks/useKeyboardShortcut';
import { AccessKeyDetailsScreen } from './screens/AccessKeyDetailsScreen';
import { AccessKeyListScreen } from './screens/AccessKeyListScreen';
import { ApiGroupListScreen } from './screens/ApiGroupListScreen';
import { HealthScreen } from './screens/HealthScreen';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { TestCallScreen } from './screens/TestCallScreen';
import { JdCloudScreen } from './screens/JdCloudScreen';
import { AuthorizationListScreen } from './screens/AuthorizationListScreen';
import { useStoreStatus } from './queries/app';
import { queryClient } from './queries/query-client';
import { startApp } from './queries/startup';
import { useAppStore, type Screen } from './store';

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'accessKeyList':
      return <AccessKeyListScreen />;
    case 'accessKeyDetails':
      // Keyed so a different key's page starts fresh (no revealed secret carried over).
      return <AccessKeyDetailsScreen key={screen.id} id={screen.id} />;
    case 'authorizationList':
      return <AuthorizationListScreen />;
    case 'apiGroupList':
      return <ApiGroupListScreen />;
    case 'testCall':
      return <TestCallScreen />;
    case 'jdcloud':
      return <JdCloudScreen />;
    case 'health':
      return <HealthScreen />;
  }
}

/** The app with its query cache: server state in the cache, UI state in zustand. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell />
    </QueryClientProvider>
  );
}

function AppShell() {
  const screen = useAppStore((s) => s.screen);
  const store = useStoreStatus();
  const openCreate = useAppStore((s) => s.openCreateDialog);

  // Subscribed before start-up asks anything, so no change main reports meanwhile is missed.
  useMainEvents();
  useEffect(() => {
    void startApp(queryClient);
  }, []);

  useKeyboardShortcut({ key: 'n', mod: true, whileTyping: true }, openCreate);

  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <div className="main-notices">
          <StoreProblemBanner />
          <KeychainNotices />
        </div>
        {/* A data file that cannot be read replaces every screen until it is recovered. */}
        {store?.state === 'unreadable' ? <RecoveryScreen file={store.file} problem={store.problem} backupAvailable={store.backupAvailable} /> : <CurrentScreen screen={screen} />}
      </main>
      <CreateAccessKeyDialog />
      <WelcomeDialog />
      <DataSafety />
      <AboutDialog />
      <Toasts />
    </div>
  );
}
