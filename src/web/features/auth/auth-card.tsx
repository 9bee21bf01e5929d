import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageTitle } from '../../components/page-title.tsx';

/** The narrow centred column of the sign-in and sign-up forms, with the page's title. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack maw={460} mx="auto" w="100%" gap={0}>
      <PageTitle title={title} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        {children}
      </Paper>
    </Stack>
  );
}
