// Entry point: the sign-in screen or the operator's workspace, plus the service worker that lets the app
// open with the network off after the first visit.

import { registerSW } from 'virtual:pwa-register';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { applyDensity, applyFormat, loadDensity, loadFormat } from './lib/preferences';
import './styles.css';

// before the first paint, as the theme is: no jump from comfortable to compact
applyDensity(loadDensity());
applyFormat(loadFormat());

if ('serviceWorker' in navigator && import.meta.env.PROD) registerSW({ immediate: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(<App />);
