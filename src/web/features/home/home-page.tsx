import { Anchor, Box, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { useMe } from '../../lib/session.ts';
import { Pill } from '../eligibility/pill.tsx';

const PROCESS_STEPS = [
  'hosting',
  'serviceNumber',
  'data',
  'providerReview',
  'identity',
  'sms',
  'authority',
  'number',
] as const;

const PATH_FIELDS = ['what', 'who', 'how', 'time', 'result'] as const;

const TOOLS = [
  { key: 'wizard', to: '/eligibility' },
  { key: 'registry', to: '/registry' },
  { key: 'footer', to: '/footer-check' },
  { key: 'number', to: '/number' },
] as const;

/** One of the two instruments, as a definition list (label → text), so screen readers read pairs. */
function PathCard({ path, color }: { path: 'filing' | 'licence'; color: string }) {
  const { t } = useTranslation('home');
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      style={{ borderTop: `4px solid var(--mantine-color-${color}-7)` }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={3} fz="lg">
          {t(`paths.${path}.title`)}
        </Title>
        <Pill color={color}>{t(`paths.${path}.tag`)}</Pill>
      </Group>
      <Box component="dl" m={0}>
        {PATH_FIELDS.map((field) => (
          <Box key={field} mb="xs">
            <Text component="dt" fw={700} size="sm">
              {t(`paths.labels.${field}`)}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {t(`paths.${path}.${field}`)}
            </Text>
          </Box>
        ))}
      </Box>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation('home');
  const { data: me } = useMe();
  return (
    <Stack gap={48}>
      <section>
        <PageTitle title={t('title')} description={t('lead')} />
        <Group gap="sm">
          <Button component={Link} to="/eligibility" size="md">
            {t('cta.wizard')}
          </Button>
          {!me && (
            <Button component={Link} to="/sign-up" size="md">
              {t('cta.signUp')}
            </Button>
          )}
          <Button component={Link} to="/registry" size="md" variant="subtle">
            {t('cta.registry')}
          </Button>
        </Group>
      </section>

      <section aria-labelledby="home-paths">
        <Title order={2} id="home-paths" mb={4}>
          {t('paths.heading')}
        </Title>
        <Text c="gray.7" mb="md">
          {t('paths.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <PathCard path="filing" color="blue" />
          <PathCard path="licence" color="red" />
        </SimpleGrid>
      </section>

      <section aria-labelledby="home-process">
        <Title order={2} id="home-process" mb={4}>
          {t('process.heading')}
        </Title>
        <Text c="gray.7" mb="md">
          {t('process.intro')}
        </Text>
        <Box
          component="ol"
          p={0}
          m={0}
          style={{
            listStyle: 'none',
            display: 'grid',
            gap: 'var(--mantine-spacing-md)',
            gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))',
          }}
        >
          {PROCESS_STEPS.map((step, index) => (
            <Box
              component="li"
              key={step}
              p="md"
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
            >
              <Group gap="sm" wrap="nowrap" align="center" mb={6}>
                <Box
                  aria-hidden
                  w={28}
                  h={28}
                  bg="red.8"
                  c="white"
                  fw={700}
                  style={{
                    borderRadius: '50%',
                    display: 'grid',
                    placeItems: 'center',
                    flexShrink: 0,
                    fontSize: 14,
                  }}
                >
                  {index + 1}
                </Box>
                <Title order={3} fz="md">
                  {t(`process.steps.${step}.title`)}
                </Title>
              </Group>
              <Text size="sm">{t(`process.steps.${step}.body`)}</Text>
            </Box>
          ))}
        </Box>
        <Text size="sm" c="gray.7" mt="md">
          {t('note')}
        </Text>
      </section>

      <section aria-labelledby="home-tools">
        <Title order={2} id="home-tools" mb="md">
          {t('tools.heading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          {TOOLS.map((tool) => (
            <Card key={tool.key} withBorder padding="lg" radius="md">
              <Title order={3} fz="md" mb={6}>
                <Anchor component={Link} to={tool.to} c="red.8">
                  {t(`tools.${tool.key}.title`)}
                </Anchor>
              </Title>
              <Text size="sm">{t(`tools.${tool.key}.body`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      {!me && (
        <Box
          component="section"
          aria-labelledby="home-signup"
          p="xl"
          bg="gray.0"
          style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Title order={2} id="home-signup" mb="xs">
            {t('signUp.heading')}
          </Title>
          <Text mb="md" maw={720}>
            {t('signUp.body')}
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/sign-up">
              {t('signUp.action')}
            </Button>
            <Button component={Link} to="/sign-in" variant="subtle">
              {t('signUp.signIn')}
            </Button>
          </Group>
        </Box>
      )}
    </Stack>
  );
}
