import { Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EventActorText } from '../../components/event-actor.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import type { LicenceApplication, LicenceEvent } from './api.ts';
import { findParty, readEventReasons } from './events.ts';
import { ReasonSubject, reasonKey } from './licence-reasons.tsx';
import { readReasonText } from './reasons.ts';
import { LicenceStatusBadge } from './status-badge.tsx';

function EventDetails({ event, application }: { event: LicenceEvent; application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  const { details } = event;
  const lines: string[] = [];
  if (typeof details.version === 'number') lines.push(t('timeline.version', { version: details.version }));
  if (typeof details.acceptanceDue === 'string')
    lines.push(t('timeline.acceptanceDue', { date: formatDateTime(details.acceptanceDue) }));
  if (typeof details.reviewDue === 'string')
    lines.push(t('timeline.reviewDue', { date: formatDateTime(details.reviewDue) }));
  if (typeof details.icpLicenceNumber === 'string')
    lines.push(t('timeline.icpNumber', { number: details.icpLicenceNumber }));
  if (typeof details.telecomLicenceNumber === 'string')
    lines.push(t('timeline.telecomNumber', { number: details.telecomLicenceNumber }));
  if (typeof details.year === 'number') lines.push(t('timeline.year', { year: details.year }));
  if (typeof details.appliedOn === 'string')
    lines.push(t('timeline.appliedOn', { date: formatDate(details.appliedOn) }));
  if (typeof details.filedOn === 'string')
    lines.push(t('timeline.filedOn', { date: formatDate(details.filedOn) }));
  const reasons = readEventReasons(event);
  const separator = currentLanguage() === 'zh-CN' ? '：' : ': ';
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="sm" c="gray.7">
          {line}
        </Text>
      ))}
      {reasons.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {reasons.map((reason) => (
            <List.Item key={reasonKey(reason)}>
              <Text span inherit fw={600}>
                <ReasonSubject reason={reason} materials={application.materials} />
              </Text>
              {separator}
              {readReasonText(reason, currentLanguage())}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** Every event of the application, oldest first: what happened, who did it and when. */
export function LicenceTimeline({ application }: { application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  const { events } = application;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="timeline-title">
          {t('timeline.title')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={events.length - 1}>
          {events.map((event) => (
            <Timeline.Item
              // Events have no id on the wire; time and type tell them apart.
              key={`${event.at}-${event.type}`}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">
                    {t(`events.${event.type}` as never, { defaultValue: event.type }) as string}
                  </Text>
                  {event.to !== event.from && <LicenceStatusBadge status={event.to} />}
                </Group>
              }
            >
              <Text size="xs" c="gray.7">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
                <EventActorText actor={event.actor} />
                {findParty(event, application.authorityMode) === 'recorded' &&
                  ` · ${t('timeline.recordedStep')}`}
              </Text>
              <EventDetails event={event} application={application} />
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
