/** Entry of the web app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';

// The app shell without network (web/public/sw.js), so that an officer who opened the app once
// can open it again in a village with none. Production builds only: in development Vite serves
// modules by their own names, which a cache would pin. Browsers give workers only to HTTPS and
// localhost; elsewhere the app must be opened online (records entered after that still survive).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
