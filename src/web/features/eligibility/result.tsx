import {
  Alert,
  Anchor,
  Box,
  Card,
  Flex,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Eligibility,
  EligibilityAssessment,
  InstrumentAssessment,
  Outcome,
  Reason,
  TimelineStep,
} from '../../../domain/eligibility/assessment.ts';
import { formatDate, formatPartialDate, localize } from '../../lib/format.ts';
import { Pill } from './pill.tsx';
import { describeSource, SOURCE_LINK_CLASS, useSources } from './sources.tsx';

export const ELIGIBILITY_COLORS: Record<Eligibility, string> = {
  eligible: 'green',
  conditional: 'yellow',
  not_eligible: 'red',
  not_applicable: 'gray',
};

const OUTCOME_COLORS: Record<Outcome, string> = {
  pass: 'green',
  fail: 'red',
  condition: 'yellow',
  info: 'gray',
};

/** Every source id the assessment cites, numbered in reading order (the "[n]" marks and the list at the end). */
function collectSourceIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectSourceIds(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(child)) {
        for (const id of child) if (typeof id === 'string' && !into.includes(id)) into.push(id);
      } else if (key === 'source' && typeof child === 'string') {
        if (!into.includes(child)) into.push(child);
      } else collectSourceIds(child, into);
    }
  }
  return into;
}

const SourceNumbers = createContext<Map<string, number>>(new Map());

/** "[3][7]": each opens its source; the full titles are listed under Sources at the end. */
function Refs({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('eligibility');
  const numbers = useContext(SourceNumbers);
  const { data: sources } = useSources();
  if (ids.length === 0) return null;
  return (
    <Text component="span" size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
      {ids.map((id) => {
        const n = numbers.get(id) ?? 0;
        const source = sources?.get(id);
        const title = source ? describeSource(source).title : id;
        const label = t('sources.ref', { n, title });
        return source?.url ? (
          <Anchor
            key={id}
            href={source.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={label}
            title={title}
            size="xs"
            ml={2}
          >
            [{n}]
          </Anchor>
        ) : (
          <span key={id} title={title} style={{ marginLeft: 2 }}>
            [{n}]
          </span>
        );
      })}
    </Text>
  );
}

function ReasonItem({ reason }: { reason: Reason }) {
  const { t } = useTranslation('eligibility');
  return (
    <Box component="li" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Flex gap={{ base: 4, sm: 'sm' }} direction={{ base: 'column', sm: 'row' }} align="flex-start">
        <Pill color={OUTCOME_COLORS[reason.outcome]} miw={84}>
          {t(`outcomes.${reason.outcome}`)}
        </Pill>
        <Box style={{ minWidth: 0 }}>
          <Text size="sm">
            {localize(reason.message)} <Refs ids={reason.sources} />
          </Text>
          <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
            {t('result.rule')}: <code>{reason.ruleId}</code>
          </Text>
        </Box>
      </Flex>
    </Box>
  );
}

function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  if (reasons.length === 0) return null;
  return (
    <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {reasons.map((reason) => (
        <ReasonItem key={`${reason.ruleId}-${reason.message.en}`} reason={reason} />
      ))}
    </Box>
  );
}

function NextSteps({ steps }: { steps: InstrumentAssessment['nextSteps'] }) {
  const { t } = useTranslation('eligibility');
  if (steps.length === 0) return null;
  return (
    <Box mt="sm">
      <Text fw={700} size="sm" mb={4}>
        {t('result.nextSteps')}
      </Text>
      <List type="ordered" size="sm" spacing={4}>
        {steps.map((step) => (
          <List.Item key={step.id}>
            {localize(step.message)} <Refs ids={step.sources} />
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

function InstrumentCard({ instrument }: { instrument: InstrumentAssessment }) {
  const { t } = useTranslation('eligibility');
  return (
    <Card withBorder padding="md" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Title order={3} fz="lg">
          {localize(instrument.name)}
        </Title>
        <Pill color={ELIGIBILITY_COLORS[instrument.eligibility]} size="lg">
          {t(`eligibility.${instrument.eligibility}`)}
        </Pill>
      </Group>
      <ReasonList reasons={instrument.reasons} />
      <NextSteps steps={instrument.nextSteps} />
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} id={id} fz={{ base: 'xl', sm: 24 }} mb="sm">
        {title}
      </Title>
      {children}
    </Box>
  );
}

function Duration({ step }: { step: Pick<TimelineStep, 'unit' | 'days'> }) {
  const { t } = useTranslation('eligibility');
  const working = step.unit === 'working_days';
  if (step.days.typical === step.days.max)
    return <>{t(working ? 'result.workingDays' : 'result.calendarDays', { count: step.days.max })}</>;
  return (
    <>
      {t(working ? 'result.workingDaysRange' : 'result.calendarDaysRange', {
        from: step.days.typical,
        to: step.days.max,
      })}
    </>
  );
}

function Timeline({ assessment }: { assessment: EligibilityAssessment }) {
  const { t } = useTranslation('eligibility');
  const { timeline } = assessment;
  const names = new Map(assessment.instruments.map((i) => [i.instrument as string, localize(i.name)]));
  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        {timeline.startDate
          ? t('result.timelineFrom', { date: formatDate(timeline.startDate) })
          : t('result.timelineNoDate')}
      </Text>
      {timeline.warnings.map((warning) => (
        <Alert key={warning.code} color="yellow">
          {localize(warning.message)}
        </Alert>
      ))}
      {timeline.phases.map((phase) => (
        <Box key={phase.instrument}>
          <Title order={3} fz="md" mb="xs">
            {names.get(phase.instrument) ?? phase.instrument}
          </Title>
          <Box
            tabIndex={0}
            role="region"
            aria-label={names.get(phase.instrument) ?? phase.instrument}
            style={{ overflowX: 'auto' }}
          >
            <Table withTableBorder verticalSpacing="xs" miw={600}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('result.columns.step')}</Table.Th>
                  <Table.Th scope="col">{t('result.columns.duration')}</Table.Th>
                  {timeline.startDate && <Table.Th scope="col">{t('result.columns.typical')}</Table.Th>}
                  {timeline.startDate && <Table.Th scope="col">{t('result.columns.latest')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {phase.steps.map((step) => (
                  <Table.Tr key={step.id}>
                    <Table.Th scope="row" fw={500}>
                      <Text size="sm" fw={600}>
                        {localize(step.name)} <Refs ids={step.sources} />
                      </Text>
                      {step.note && (
                        <Text size="xs" c="gray.7" fw={400}>
                          {localize(step.note)}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Duration step={step} />
                    </Table.Td>
                    {timeline.startDate && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {step.dates ? formatDate(step.dates.typical.end) : '—'}
                      </Table.Td>
                    )}
                    {timeline.startDate && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {step.dates ? formatDate(step.dates.max.end) : '—'}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {phase.completion && (
            <Text size="sm" mt={6} fw={600}>
              {t('result.completion', {
                typical: formatDate(phase.completion.typical),
                max: formatDate(phase.completion.max),
              })}
            </Text>
          )}
        </Box>
      ))}
    </Stack>
  );
}

function SourceList({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('eligibility');
  const { data: sources } = useSources();
  return (
    <>
      <Text size="sm" c="gray.7" mb="xs">
        {t('result.sourcesIntro')}
      </Text>
      <Box component="ol" m={0} pl="xl" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
        {ids.map((id) => {
          const source = sources?.get(id);
          const { title, lang } = source ? describeSource(source) : { title: id, lang: undefined };
          return (
            <li key={id} style={{ marginBottom: 4 }}>
              {source?.url ? (
                <Anchor
                  href={source.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="sm"
                  lang={lang}
                  className={SOURCE_LINK_CLASS}
                >
                  {title}
                </Anchor>
              ) : (
                <span lang={lang}>{title}</span>
              )}
              {source?.date && (
                <Text span size="xs" c="gray.7">
                  {' '}
                  ({formatPartialDate(source.date)})
                </Text>
              )}
            </li>
          );
        })}
      </Box>
    </>
  );
}

export function AssessmentResult({
  assessment,
  actions,
}: {
  assessment: EligibilityAssessment;
  actions: ReactNode;
}) {
  const { t } = useTranslation('eligibility');
  const sourceIds = useMemo(() => collectSourceIds(assessment), [assessment]);
  const numbers = useMemo(() => new Map(sourceIds.map((id, index) => [id, index + 1])), [sourceIds]);
  const applying = assessment.instruments.filter((i) => i.applies).sort((a, b) => a.order - b.order);
  const notNeeded = assessment.instruments.filter((i) => !i.applies);
  const { authority, provinceRules, summary } = assessment;
  const provinceName = provinceRules.province
    ? localize({ en: provinceRules.province.nameEn, zh: provinceRules.province.nameZh })
    : undefined;

  return (
    <SourceNumbers.Provider value={numbers}>
      <Stack gap={36}>
        <Paper
          withBorder
          p="lg"
          radius="md"
          style={{ borderLeft: `6px solid var(--mantine-color-${ELIGIBILITY_COLORS[summary.overall]}-6)` }}
        >
          <Text size="sm" c="gray.7" fw={600}>
            {t(`result.licenceType.${summary.licenceType}`)}
          </Text>
          <Title order={2} fz={{ base: 22, sm: 28 }} mt={4} mb="xs">
            {t(`result.overall.${summary.overall}`)}
          </Title>
          <Text>{localize(summary.message)}</Text>
          <Box mt="md">{actions}</Box>
        </Paper>

        <Section id="result-instruments" title={t('result.instruments')}>
          <Stack gap="md">
            {applying.map((instrument) => (
              <InstrumentCard
                key={`${instrument.instrument}-${instrument.preApprovalId ?? ''}`}
                instrument={instrument}
              />
            ))}
            {notNeeded.length > 0 && (
              <Box>
                <Title order={3} fz="md" mb="xs">
                  {t('result.notNeeded')}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                  {notNeeded.map((instrument) => (
                    <Paper
                      key={`${instrument.instrument}-${instrument.preApprovalId ?? ''}`}
                      withBorder
                      p="sm"
                      radius="md"
                    >
                      <Text fw={600} size="sm">
                        {localize(instrument.name)}
                      </Text>
                      {instrument.reasons.map((reason) => (
                        <Text key={reason.ruleId} size="sm" c="gray.7">
                          {localize(reason.message)} <Refs ids={reason.sources} />
                        </Text>
                      ))}
                    </Paper>
                  ))}
                </SimpleGrid>
              </Box>
            )}
          </Stack>
        </Section>

        <Section id="result-authority" title={t('result.authority')}>
          <Card withBorder padding="md" radius="md">
            {authority.province ? (
              <Stack gap={4} mb="xs">
                <Text fw={700}>
                  {localize({
                    en: authority.province.authority.nameEn,
                    zh: authority.province.authority.nameZh,
                  })}
                </Text>
                <Text size="sm">
                  {t('result.portal')}:{' '}
                  <Anchor
                    href={`https://${authority.province.authority.portal}`}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                  >
                    {authority.province.authority.portal}
                  </Anchor>
                </Text>
                <Text size="sm" c="gray.7">
                  {t(`result.basis.${authority.basis}`)}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" mb="xs">
                {t('result.authorityUnknown')}
              </Text>
            )}
            <ReasonList reasons={authority.reasons} />
            <NextSteps steps={authority.nextSteps} />
          </Card>
        </Section>

        <Section
          id="result-province"
          title={
            provinceName
              ? t('result.provinceRules', { province: provinceName })
              : t('result.provinceRulesGeneric')
          }
        >
          {provinceRules.items.length === 0 ? (
            <Text size="sm">{t('result.provinceRulesNone')}</Text>
          ) : (
            <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {provinceRules.items.map((item) => (
                <Box
                  component="li"
                  key={`${item.ruleId}-${item.message.en}`}
                  py={8}
                  style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                >
                  <Text size="sm">
                    {localize(item.message)} <Refs ids={item.sources} />
                  </Text>
                  {item.note && (
                    <Text size="xs" c="gray.7">
                      {localize(item.note)}
                    </Text>
                  )}
                  {item.alternatives.length > 0 && (
                    <Box mt={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-yellow-5)' }}>
                      <Text size="xs" fw={700}>
                        {t('result.otherSources')}
                      </Text>
                      {item.alternatives.map((alternative) => (
                        <Text key={alternative.message.en} size="xs">
                          {localize(alternative.message)} <Refs ids={alternative.sources} />
                          {alternative.note && ` — ${localize(alternative.note)}`}
                        </Text>
                      ))}
                    </Box>
                  )}
                  <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                    {t('result.rule')}: <code>{item.ruleId}</code>
                  </Text>
                </Box>
              ))}
            </Box>
          )}
        </Section>

        {assessment.conflicts.length > 0 && (
          <Section id="result-conflicts" title={t('result.conflicts')}>
            <Text size="sm" c="gray.7" mb="md" maw={820}>
              {t('result.conflictsIntro')}
            </Text>
            <Stack gap="md">
              {assessment.conflicts.map((conflict) => (
                <Card key={conflict.id} withBorder padding="md" radius="md" className="eligibility-keep">
                  <Title order={3} fz="md" mb="sm">
                    {localize(conflict.topic)}
                  </Title>
                  <SimpleGrid cols={{ base: 1, md: conflict.positions.length > 1 ? 2 : 1 }} spacing="md">
                    {conflict.positions.map((position) => (
                      <Box
                        key={`${position.stance}-${position.message.en}`}
                        pl="sm"
                        style={{
                          borderLeft: `3px solid var(--mantine-color-${position.stance === 'article' ? 'gray-5' : 'blue-6'})`,
                        }}
                      >
                        <Text size="xs" fw={700} c={position.stance === 'article' ? 'dimmed' : 'blue.8'}>
                          {t(`result.stances.${position.stance}`)}
                        </Text>
                        <Text size="sm">
                          {localize(position.message)} <Refs ids={position.sources} />
                        </Text>
                      </Box>
                    ))}
                  </SimpleGrid>
                  {conflict.provinces.length > 0 && (
                    <Text size="xs" c="gray.7" mt="sm">
                      {t('result.conflictProvinces', {
                        list: conflict.provinces
                          .map((p) => localize({ en: p.nameEn, zh: p.nameZh }))
                          .join(', '),
                      })}
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          </Section>
        )}

        {assessment.checklist.length > 0 && (
          <Section id="result-checklist" title={t('result.checklist')}>
            <Stack gap="lg">
              {assessment.checklist.map((section) => {
                const name = assessment.instruments.find((i) => i.instrument === section.instrument)?.name;
                return (
                  <Box key={section.instrument}>
                    <Title order={3} fz="md" mb="xs">
                      {t('result.checklistFor', { name: name ? localize(name) : section.instrument })}
                    </Title>
                    <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                      {section.items.map((item) => (
                        <Box
                          component="li"
                          key={item.document.id}
                          py={8}
                          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                        >
                          <Flex
                            gap={{ base: 4, sm: 'xs' }}
                            direction={{ base: 'column', sm: 'row' }}
                            align="flex-start"
                          >
                            <Pill color={item.required ? 'red' : 'gray'} miw={92}>
                              {item.required ? t('result.required') : t('result.ifApplicable')}
                            </Pill>
                            <Box style={{ minWidth: 0 }}>
                              <Text size="sm" fw={600}>
                                {localize({ en: item.document.nameEn, zh: item.document.nameZh })}{' '}
                                <Refs ids={item.sources} />
                              </Text>
                              <Text size="xs" c="gray.7">
                                {localize(item.document.description)}
                              </Text>
                              {item.notes.map((note) => (
                                <Text key={note.en} size="xs">
                                  {localize(note)}
                                </Text>
                              ))}
                            </Box>
                          </Flex>
                        </Box>
                      ))}
                    </Box>
                  </Box>
                );
              })}
            </Stack>
          </Section>
        )}

        <Section id="result-timeline" title={t('result.timeline')}>
          <Timeline assessment={assessment} />
        </Section>

        <Section id="result-sources" title={t('result.sources')}>
          <SourceList ids={sourceIds} />
        </Section>
      </Stack>
    </SourceNumbers.Provider>
  );
}
