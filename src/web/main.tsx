import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/styles.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ForbiddenError } from './app/fallback-pages.tsx';
import { Providers, queryClient } from './app/providers.tsx';
import { createAppRouter } from './app/router.tsx';
import { adoptSavedLanguage, meQuery } from './lib/session.ts';

const router = createAppRouter(queryClient);

/**
 * The first paint waits (briefly) for the session: a signed-in user's saved language applies before
 * anything is shown, instead of the page appearing in this browser's language and then switching.
 */
const FIRST_PAINT_WAIT_MS = 1_500;

function render(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root, {
    // A page the user's roles do not open shows the forbidden page: an answer, not a fault to log.
    onCaughtError: (error, info) => {
      if (error instanceof ForbiddenError) return;
      console.error(error, info.componentStack);
    },
  }).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

const savedLanguage = queryClient.fetchQuery(meQuery).then(adoptSavedLanguage, () => undefined);
const patience = new Promise<void>((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS));
void Promise.race([savedLanguage, patience]).then(render);
