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

/**
 * The page paints at once, in this browser's language (the last one chosen here, which signing in
 * sets to the account's). A signed-in user's saved language, when another browser changed it since,
 * applies as soon as the session is read: waiting for it would delay every visitor's first paint.
 */
render();
void queryClient.fetchQuery(meQuery).then(adoptSavedLanguage, () => undefined);
