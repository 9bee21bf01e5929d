import { Anchor, Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { type LicenceApplication, type LicenceNumbers, type LicenceSummary, licenceKeys } from './api.ts';
import { LicenceDeadlineBadge } from './deadline-badge.tsx';
import { findActiveDeadline } from './deadlines.ts';
import { LicenceStatusBadge } from './status-badge.tsx';

/** How many approved applications of a list have their numbers read (one request each). */
const MAX_NUMBER_LOOKUPS = 20;

/**
 * The issued numbers of the approved applications in a list. The list's summaries do not carry them,
 * so each approved application is read once (the same cache entry its page uses).
 */
export function useIssuedNumbers(applications: readonly LicenceSummary[]): Map<string, LicenceNumbers> {
  const approved = applications.filter((a) => a.status === 'approved').slice(0, MAX_NUMBER_LOOKUPS);
  const answers = useQueries({
    queries: approved.map((a) => ({
      queryKey: licenceKeys.one(a.reference),
      queryFn: () => api.get<LicenceApplication>(`/api/licences/${encodeURIComponent(a.reference)}`),
      staleTime: 60_000,
    })),
  });
  const numbers = new Map<string, LicenceNumbers>();
  answers.forEach((answer, index) => {
    const reference = approved[index]?.reference;
    const licence = answer.data?.licence;
    if (reference && licence) numbers.set(reference, licence);
  });
  return numbers;
}

function NumbersCell({ numbers }: { numbers: LicenceNumbers | undefined }) {
  if (!numbers) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      {numbers.icpLicenceNumber && (
        <Text size="sm" ff="monospace">
          {numbers.icpLicenceNumber}
        </Text>
      )}
      <Text size="sm" ff="monospace">
        {numbers.telecomLicenceNumber}
      </Text>
    </Stack>
  );
}

function DeadlineCell({ application }: { application: LicenceSummary }) {
  const active = findActiveDeadline(application);
  if (!active) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <LicenceDeadlineBadge deadline={active} />
      <Text size="xs" c="gray.7">
        {formatDate(active.due)}
      </Text>
    </Stack>
  );
}

/**
 * Licence applications as a table from 768 px and as cards below, each reference a link to its page:
 * kind and scope, company, status, the running deadline and the numbers once issued.
 */
export function LicenceList({
  applications,
  pathOf,
  caption,
}: {
  applications: readonly LicenceSummary[];
  pathOf: (reference: string) => string;
  caption: string;
}) {
  const { t } = useTranslation('licences');
  const numbers = useIssuedNumbers(applications);
  const link = (application: LicenceSummary) => (
    <Anchor component={Link} to={pathOf(application.reference)} fw={600}>
      {application.reference}
    </Anchor>
  );
  const kindLine = (application: LicenceSummary) =>
    `${t(`kinds.${application.kind}.short`)} · ${t(`scopes.${application.scope}.short`)}`;
  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="sm">
            <caption
              style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
            >
              {caption}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.columns.reference')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.licence')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.company')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.deadline')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.numbers')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.map((application) => (
                <Table.Tr key={application.id}>
                  <Table.Td>{link(application)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{kindLine(application)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{application.companyName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <LicenceStatusBadge status={application.status} />
                  </Table.Td>
                  <Table.Td>
                    <DeadlineCell application={application} />
                  </Table.Td>
                  <Table.Td>
                    <NumbersCell numbers={numbers.get(application.reference)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(application.updatedAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack
        hiddenFrom="sm"
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={caption}
      >
        {applications.map((application) => {
          const active = findActiveDeadline(application);
          const issued = numbers.get(application.reference);
          return (
            <Card key={application.id} withBorder radius="md" padding="sm" component="li">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                {link(application)}
                {active && <LicenceDeadlineBadge deadline={active} />}
              </Group>
              <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                {application.companyName}
              </Text>
              <Text size="xs" c="gray.7">
                {kindLine(application)}
              </Text>
              <Group gap="xs" mt="xs">
                <LicenceStatusBadge status={application.status} />
              </Group>
              {issued && (
                <Box mt="xs">
                  <NumbersCell numbers={issued} />
                </Box>
              )}
            </Card>
          );
        })}
      </Stack>
    </>
  );
}
