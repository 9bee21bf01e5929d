import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';

/** Zoom out, the zoom as a percentage (announced), zoom in and back to `resetStep`, over `steps`. */
export function ZoomControls({
  steps,
  step,
  onStep,
  resetStep,
}: {
  steps: readonly number[];
  step: number;
  onStep: (step: number) => void;
  resetStep: number;
}) {
  const { t } = useTranslation('provider');
  const last = steps.length - 1;
  return (
    <Group gap={4}>
      <Tooltip label={t('documents.zoomOut')}>
        <ActionIcon
          variant="default"
          aria-label={t('documents.zoomOut')}
          disabled={step === 0}
          onClick={() => onStep(Math.max(0, step - 1))}
        >
          <IconZoomOut size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Text size="sm" w={48} ta="center" aria-live="polite">
        {formatNumber(steps[step] ?? 1, undefined, { style: 'percent' })}
      </Text>
      <Tooltip label={t('documents.zoomIn')}>
        <ActionIcon
          variant="default"
          aria-label={t('documents.zoomIn')}
          disabled={step === last}
          onClick={() => onStep(Math.min(last, step + 1))}
        >
          <IconZoomIn size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('documents.zoomReset')}>
        <ActionIcon variant="default" aria-label={t('documents.zoomReset')} onClick={() => onStep(resetStep)}>
          <IconZoomReset size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
