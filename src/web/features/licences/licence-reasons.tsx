import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { localize } from '../../lib/format.ts';
import type { LicenceApplication, LicenceMaterial, LicenceReason } from './api.ts';
import { findMaterialId, materialAnchor } from './materials.ts';
import { readReasonText } from './reasons.ts';

/** Reasons have no id; what they are about and say tells them apart. */
export function reasonKey(reason: LicenceReason): string {
  return `${reason.fieldPath ?? ''}|${reason.reasonCode}|${reason.text.en ?? ''}|${reason.text.zh ?? ''}`;
}

/** Scrolls to a material's row and puts the focus on its box. */
export function goToMaterial(id: string) {
  const row = document.getElementById(materialAnchor(id));
  row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  row?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus({ preventScroll: true });
}

/** What a reason is about: a material of the checklist (as a link to it) or the whole application. */
export function ReasonSubject({
  reason,
  materials,
}: {
  reason: LicenceReason;
  materials: readonly LicenceMaterial[];
}) {
  const { t } = useTranslation('licences');
  const id = findMaterialId(reason.fieldPath);
  const material = id ? materials.find((m) => m.id === id) : undefined;
  if (!id || !material) return <>{t('reasons.general')}</>;
  return (
    <Anchor
      href={`#${materialAnchor(id)}`}
      inherit
      fw={700}
      onClick={(event) => {
        event.preventDefault();
        goToMaterial(id);
      }}
    >
      {localize(material.name)}
    </Anchor>
  );
}

/** The latest materials request or rejection, highlighted, each reason on the material it is about. */
export function LicenceReasons({ application }: { application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  const { status, reasons } = application;
  if ((status !== 'materials_requested' && status !== 'rejected') || reasons.length === 0) return null;
  const rejected = status === 'rejected';
  const title = rejected ? t('reasons.titleRejected') : t('reasons.titleRequested');
  const separator = currentLanguage() === 'zh-CN' ? '：' : ': ';
  return (
    <Alert
      color={rejected ? 'red' : 'orange'}
      variant="light"
      component="section"
      aria-label={title}
      title={
        <Text span inherit c="dark.7">
          {title}
        </Text>
      }
      data-testid="licence-reasons"
    >
      <Text size="sm" mb="xs" c="dark.8">
        {rejected ? t('reasons.introRejected') : t('reasons.introRequested')}
      </Text>
      <List size="sm" spacing="xs">
        {reasons.map((reason) => (
          <List.Item key={reasonKey(reason)}>
            <Text span inherit fw={700}>
              <ReasonSubject reason={reason} materials={application.materials} />
            </Text>
            {separator}
            {readReasonText(reason, currentLanguage())}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
