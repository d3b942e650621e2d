import { useEffect } from 'react';
import { AboutDialog } from './components/AboutDialog';
import { CreateAccessKeyDialog } from './components/CreateAccessKeyDialog';
import { KeychainNotices } from './components/KeychainNotices';
import { Sidebar } from './components/Sidebar';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { Toasts } from './components/Toasts';
import { WelcomeDialog } from './components/WelcomeDialog';
import { useKeyboardShortcut } from './hooks/useKeyboardShortcut';
import { AccessKeyDetailsScreen } from './screens/AccessKeyDetailsScreen';
import { AccessKeyListScreen } from './screens/AccessKeyListScreen';
import { ApiGroupListScreen } from './screens/ApiGroupListScreen';
import { AuthorizationListScreen } from './screens/AuthorizationListScreen';
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
  }
}

export function App() {
  const screen = useAppStore((s) => s.screen);
  const start = useAppStore((s) => s.start);
  const openCreate = useAppStore((s) => s.openCreateDialog);

  useEffect(() => {
    void start();
  }, [start]);

  useKeyboardShortcut({ key: 'n', mod: true, whileTyping: true }, openCreate);

  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <div className="main-notices">
          <StoreProblemBanner />
          <KeychainNotices />
        </div>
        <CurrentScreen screen={screen} />
      </main>
      <CreateAccessKeyDialog />
      <WelcomeDialog />
      <AboutDialog />
      <Toasts />
    </div>
  );
}
