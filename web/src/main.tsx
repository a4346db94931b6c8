import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/titillium-web/400.css';
import '@fontsource/titillium-web/600.css';
import '@fontsource/titillium-web/700.css';
import './styles.css';
import './lib/i18n';
import { App } from './app/app';

/** `pnpm dev:mock`: the msw worker answers /api with the test fixtures; never part of a production build. */
async function startMockWorker(): Promise<void> {
  if (import.meta.env.MODE !== 'mock') return;
  const { worker } = await import('./testing/browser');
  await worker.start({ onUnhandledRequest: 'bypass' });
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

void startMockWorker().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
