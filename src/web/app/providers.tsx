import { createTheme, Drawer, MantineProvider, Modal, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n.ts';
import { isApiError } from '../lib/api.ts';
import { cssVariablesResolver, theme } from './theme.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will answer the same again; only network trouble and 5xx are worth a retry.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * The theme with the texts Mantine draws itself: every dialog's and drawer's close button is named
 * (an icon-only button has no name of its own), in the UI language.
 */
function LocalizedMantineProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const close = t('actions.close');
  const localizedTheme = useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
            Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
          },
        }),
      ),
    [close],
  );
  return (
    <MantineProvider
      theme={localizedTheme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      {children}
    </MantineProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedMantineProvider>
          <Notifications position="top-right" />
          {children}
        </LocalizedMantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
