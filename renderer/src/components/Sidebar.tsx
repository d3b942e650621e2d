import { useAppStatus } from '../queries/app';
import { useAppStore } from '../store';
import { sectionOf, sections } from '../store/navigation-slice';
import { Icon, type IconName } from './Icon';

// One icon per section; a new section adds its entry in `sections` and an icon here.
const icons: Record<(typeof sections)[number]['id'], IconName> = { accessKeys: 'key', authorizations: 'userCheck', apiGroups: 'layers', testCall: 'send', jdcloud: 'cloud', health: 'activity' };

export function Sidebar() {
  const current = useAppStore((s) => sectionOf(s.screen));
  const navigate = useAppStore((s) => s.navigate);
  const version = useAppStatus()?.version;
  const openAbout = useAppStore((s) => s.openAbout);

  return (
    <aside className="sidebar">
      <div className="sidebar-header">
        <span className="sidebar-logo">
          <Icon name="shield" size={18} />
        </span>
        <span className="sidebar-app-name">Gatekey</span>
      </div>
      <nav aria-label="Main">
        <ul className="sidebar-nav">
          {sections.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                className="sidebar-item"
                aria-current={section.id === current ? 'page' : undefined}
                onClick={() => navigate(section.home)}
              >
                <Icon name={icons[section.id]} />
                <span>{section.label}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <p className="sidebar-footer">Offline · secrets stay in your OS keychain{version ? ` · v${version}` : ''}</p>
      <button type="button" className="sidebar-about" onClick={openAbout}>
        About Gatekey
      </button>
    </aside>
  );
}
