import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { SourceLine } from '../../components/source-line.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { localize } from '../../lib/format.ts';
import type { LicenceApplication, LicenceMaterial } from './api.ts';
import {
  findReasonsFor,
  listMissingMaterials,
  type MaterialEdit,
  type MaterialEdits,
  materialAnchor,
} from './materials.ts';
import { readReasonText } from './reasons.ts';

const MAX_NOTE_LENGTH = 500;

function MaterialRow({
  material,
  edit,
  onChange,
  isEditable,
  reasons,
}: {
  material: LicenceMaterial;
  edit: MaterialEdit;
  onChange: (next: MaterialEdit) => void;
  isEditable: boolean;
  reasons: string[];
}) {
  const { t } = useTranslation('licences');
  const name = localize(material.name);
  const flagged = reasons.length > 0;
  const anchor = materialAnchor(material.id);
  // The note field opens on demand: twelve empty fields would bury the checklist.
  const [isNoteOpen, setNoteOpen] = useState(false);
  const noteRef = useRef<HTMLInputElement>(null);
  const showsNote = isEditable && (isNoteOpen || flagged || edit.note !== '');
  return (
    <Paper
      component="li"
      id={anchor}
      withBorder
      radius="md"
      p="sm"
      data-material={material.id}
      data-flagged={flagged || undefined}
      style={
        flagged
          ? { borderColor: 'var(--mantine-color-orange-6)', borderLeftWidth: 4, scrollMarginTop: 76 }
          : { scrollMarginTop: 76 }
      }
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          {isEditable ? (
            <Checkbox
              checked={edit.provided}
              onChange={(event) => onChange({ ...edit, provided: event.currentTarget.checked })}
              label={
                <Text span fw={600} size="sm">
                  {name}
                </Text>
              }
              aria-describedby={`${anchor}-detail`}
            />
          ) : (
            <Group gap={8} wrap="nowrap" align="flex-start">
              <Text span c={edit.provided ? 'green.9' : 'gray.6'} style={{ display: 'flex' }}>
                {edit.provided ? (
                  <IconCircleCheck size={20} aria-hidden />
                ) : (
                  <IconCircleDashed size={20} aria-hidden />
                )}
              </Text>
              <Text fw={600} size="sm">
                {name}
                <VisuallyHidden>
                  {' '}
                  ({edit.provided ? t('materials.provided') : t('materials.notProvided')})
                </VisuallyHidden>
              </Text>
            </Group>
          )}
          <Badge
            variant="light"
            color={material.required ? 'red' : 'gray'}
            tt="none"
            size="sm"
            style={{ flexShrink: 0 }}
          >
            {material.required ? t('materials.required') : t('materials.optional')}
          </Badge>
        </Group>
        <Stack gap={4} pl={{ base: 0, xs: 32 }}>
          <Text size="sm" c="gray.7" id={`${anchor}-detail`}>
            {localize(material.detail)}
          </Text>
          <SourceLine ids={material.sources} />
          {flagged && (
            <Alert color="orange" variant="light" p="xs">
              <Text size="sm" c="dark.8">
                <Text span fw={700} inherit>
                  {t('materials.reviewerSays')}
                </Text>{' '}
                {reasons.join(' ')}
              </Text>
            </Alert>
          )}
          {showsNote && (
            <TextInput
              size="xs"
              label={t('materials.note', { name })}
              description={t('materials.noteHint')}
              inputWrapperOrder={['label', 'input', 'description']}
              value={edit.note}
              onChange={(event) => onChange({ ...edit, note: event.currentTarget.value })}
              maxLength={MAX_NOTE_LENGTH}
              ref={noteRef}
            />
          )}
          {isEditable && !showsNote && (
            <Group>
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => {
                  setNoteOpen(true);
                  requestAnimationFrame(() => noteRef.current?.focus());
                }}
                aria-label={t('materials.addNoteFor', { name })}
              >
                {t('materials.addNote')}
              </Button>
            </Group>
          )}
          {!isEditable && edit.note && (
            <Text size="sm">
              <Text span fw={600} inherit>
                {t('materials.noteLabel')}
              </Text>{' '}
              {edit.note}
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

/**
 * The materials checklist (reference §9): each material with what it is, whether it is required and
 * its sources, a "provided" box and a note. The applicant ticks and saves (PUT …/draft); everyone
 * else reads it. A material the authority asked about is outlined, with its reason.
 */
export function MaterialsChecklist({
  application,
  edits,
  onChange,
  isEditable,
  isDirty,
  onSave,
  saving,
  saveError,
}: {
  application: LicenceApplication;
  edits: MaterialEdits;
  onChange: (next: MaterialEdits) => void;
  isEditable: boolean;
  isDirty: boolean;
  onSave: () => void;
  saving: boolean;
  saveError: unknown;
}) {
  const { t } = useTranslation('licences');
  const language = currentLanguage();
  const missing = listMissingMaterials(application.materials, edits);
  const provided = application.materials.filter((m) => edits[m.id]?.provided ?? m.provided).length;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="materials-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="materials-title">
            {t('materials.title')}
          </Title>
          <Badge variant="light" color={missing.length === 0 ? 'green' : 'gray'} tt="none">
            {t('materials.progress', { provided, total: application.materials.length })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {isEditable ? t('materials.introEditable') : t('materials.introReadOnly')}
        </Text>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {application.materials.map((material) => (
            <MaterialRow
              key={material.id}
              material={material}
              edit={edits[material.id] ?? { provided: material.provided, note: material.note ?? '' }}
              onChange={(next) => onChange({ ...edits, [material.id]: next })}
              isEditable={isEditable}
              reasons={findReasonsFor(application.reasons, material.id).map((r) =>
                readReasonText(r, language),
              )}
            />
          ))}
        </Stack>
        {isEditable && (
          <>
            <ApiErrorAlert error={saveError} />
            <Group gap="sm" wrap="wrap">
              <Button
                variant={isDirty ? 'filled' : 'default'}
                onClick={onSave}
                loading={saving}
                disabled={!isDirty}
              >
                {t('materials.save')}
              </Button>
              <Text size="sm" c="dimmed" aria-live="polite">
                {isDirty ? t('materials.unsaved') : t('materials.saved')}
              </Text>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
