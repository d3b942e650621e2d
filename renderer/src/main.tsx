import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/table.css';
import './styles/dialog.css';
import './styles/feedback.css';
import './styles/provider.css';
import './styles/handoff.css';
import './styles/welcome.css';
import './styles/data-safety.css';
import './styles/test-call.css';
import './styles/jdcloud.css';

const root = document.getElementById('root');
if (!root) throw new Error('Gatekey: #root is missing from index.html.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
