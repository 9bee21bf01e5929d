import { Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readableTextColor } from '../../app/theme.ts';
import { useReturnReasonTemplates } from './api.ts';
import { IdentityPhotos } from './review/identity-photos.tsx';
import { newReasonDraft } from './review/reasons-editor.tsx';
import { ConfirmCommand, DirectCommand, ReasonsCommand } from './review/review-actions.tsx';
import { type ChecklistState, ReviewChecklist } from './review/review-checklist.tsx';
import { type ReviewContext, ReviewLayout } from './review/review-layout.tsx';

/** The template a failed identity check starts from, when the catalogue has it. */
const IDENTITY_TEMPLATE = 'backdrop_photo_invalid';

/** The statuses in which the checklist helps: the provider's review and the identity check. */
const REVIEWING: ReadonlySet<string> = new Set(['submitted', 'provider_review', 'identity_verification']);

/**
 * The provider's first review (初审) of one order: take it, return it with reasons on its fields,
 * pass it, record the identity check, and send it to the authority.
 */
export function ProviderReviewPage() {
  const { t } = useTranslation('provider');
  // The route is registered untyped (router.tsx's page helper), so its params are read loosely.
  const { ref = '' } = useParams({ strict: false }) as { ref?: string };
  const templates = useReturnReasonTemplates();
  const [checklist, setChecklist] = useState<ChecklistState>({ total: 0, done: 0, missing: 0 });

  const renderActions = ({ order, command, onDone }: ReviewContext) => {
    const can = (action: (typeof order.allowedActions)[number]) => order.allowedActions.includes(action);
    const buttons = [];
    if (can('start_provider_review'))
      buttons.push(
        <DirectCommand
          key="start"
          command={command}
          path="start-review"
          label={t('actions.startReview')}
          onDone={onDone(t('actions.startReviewDone'))}
        />,
      );
    if (can('approve_by_provider'))
      buttons.push(
        <ConfirmCommand
          key="approve"
          command={command}
          path="approve-provider"
          label={t('actions.approve')}
          title={t('actions.approveTitle')}
          color="teal.9"
          onDone={onDone(t('actions.approveDone'))}
        >
          <Text size="sm">{t('actions.approveBody')}</Text>
          {checklist.missing > 0 && (
            <Text size="sm" c={readableTextColor('red')} fw={500}>
              {t('actions.documentsMissing', { count: checklist.missing })}
            </Text>
          )}
          {checklist.done < checklist.total && (
            <Text size="sm" c={readableTextColor('orange')} fw={500}>
              {t('actions.checklistIncomplete', { count: checklist.total - checklist.done })}
            </Text>
          )}
        </ConfirmCommand>,
      );
    if (can('return_by_provider'))
      buttons.push(
        <ReasonsCommand
          key="return"
          order={order}
          command={command}
          path="return"
          label={t('actions.return')}
          title={t('actions.returnTitle')}
          intro={t('actions.returnIntro')}
          submitLabel={t('actions.returnSubmit')}
          fallbackCode="provider_note"
          buildBody={(reasons) => ({ reasons })}
          onDone={onDone(t('actions.returnDone'))}
        />,
      );
    if (can('record_identity_verification')) {
      buttons.push(
        <ConfirmCommand
          key="identity-pass"
          command={command}
          path="identity-verification"
          body={{ result: 'passed' }}
          label={t('actions.identityPass')}
          title={t('actions.identityPassTitle')}
          color="teal.9"
          onDone={onDone(t('actions.identityPassDone'))}
        >
          <Text size="sm">{t('actions.identityPassBody')}</Text>
        </ConfirmCommand>,
        <ReasonsCommand
          key="identity-fail"
          order={order}
          command={command}
          path="identity-verification"
          label={t('actions.identityFail')}
          title={t('actions.identityFailTitle')}
          intro={t('actions.identityFailIntro')}
          submitLabel={t('actions.identityFailSubmit')}
          fallbackCode="identity_verification_failed"
          color="red.8"
          initial={() => [
            newReasonDraft(
              'attachments',
              templates.data?.items.some((item) => item.id === IDENTITY_TEMPLATE) ? IDENTITY_TEMPLATE : null,
            ),
          ]}
          buildBody={(reasons) => ({ result: 'failed', reasons })}
          onDone={onDone(t('actions.identityFailDone'))}
        />,
      );
    }
    if (can('send_to_authority'))
      buttons.push(
        <ConfirmCommand
          key="send"
          command={command}
          path="send-to-authority"
          label={t('actions.sendToAuthority')}
          title={t('actions.sendToAuthorityTitle')}
          onDone={onDone(t('actions.sendToAuthorityDone'))}
        >
          <Text size="sm">{t('actions.sendToAuthorityBody')}</Text>
        </ConfirmCommand>,
      );
    return buttons.length > 0 ? buttons : null;
  };

  return (
    <ReviewLayout
      orderRef={ref}
      backTo="/provider"
      backLabel={t('review.backToQueue')}
      renderActions={renderActions}
      renderAside={({ order, showDocument }) => (
        <>
          {order.status === 'identity_verification' && <IdentityPhotos order={order} />}
          {REVIEWING.has(order.status) && (
            <ReviewChecklist order={order} onStateChange={setChecklist} onShowDocument={showDocument} />
          )}
        </>
      )}
    />
  );
}
