import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import type { OrderDocument } from './api.ts';
import { formatPath, parsePath, type StepId, stepOf } from './content-paths.ts';
import { toSchemaIssues, useContractSchemas } from './schemas.ts';
import { CODE_BINDING_TYPES } from './steps/access-step.tsx';
import { type FieldMessage, useWizard } from './wizard-state.tsx';

/**
 * Everything the wizard can tell is missing or wrong before the server's own check: the complete
 * content schema (required fields), the last save's domain findings, the documents the checklist
 * requires that are not uploaded, service codes, and the last submission's answer. Each item names
 * its field so the list can link to it.
 */

export interface CheckItem extends FieldMessage {
  step: StepId;
  where: string;
}

const FILING_TYPES = new Set(['first_filing', 'add_service', 'add_access', 'change']);

/** "Website 1 › Service admin › Mobile number" for `services[0].admin.mobile`. */
export function useDescribePath() {
  const { t } = useTranslation('order-wizard');
  return (path: string): string => {
    const segments = parsePath(path);
    const parts: string[] = [];
    // The step's name already says "Entity".
    const start = segments[0] === 'entity' && segments.length > 1 ? 1 : 0;
    for (let i = start; i < segments.length; i += 1) {
      const segment = segments[i];
      const next = segments[i + 1];
      if (segment === 'services' && typeof next === 'number') {
        parts.push(t('labels.serviceN', { n: next + 1 }));
        i += 1;
      } else if (segment === 'preApprovals' && typeof next === 'number') {
        parts.push(t('labels.preApprovalN', { n: next + 1 }));
        i += 1;
      } else if (segment === 'attachments' || segment === 'documents') {
        // The step's name says it.
        break;
      } else if (segment === 'access') {
        // The step's name says it.
      } else if (typeof segment === 'string') {
        parts.push(t(`labels.${segment}`, { defaultValue: segment }));
      }
    }
    return parts.join(' › ');
  };
}

export function useFinalCheck(documents: OrderDocument[] | undefined): CheckItem[] {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const schemas = useContractSchemas();
  const describe = useDescribePath();
  const items: CheckItem[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ path, message, step: stepOf(path), where: describe(path) });
  };
  const { content, order } = wizard;

  for (const error of wizard.submitErrors) add(error.path, error.message);

  if (schemas && FILING_TYPES.has(order.type)) {
    const parsed = schemas.orderContentSchema.safeParse({ attachments: [], ...content });
    if (!parsed.success) {
      for (const issue of toSchemaIssues(parsed.error.issues)) {
        const message =
          issue.kind === 'missing'
            ? t('errors.missing')
            : issue.kind === 'tooLong'
              ? t('errors.tooLong', { max: issue.max ?? '' })
              : t('errors.invalid');
        add(formatPath(issue.path), message);
      }
    }
  }

  for (const found of wizard.validation?.fieldErrors ?? []) {
    if (found.path === 'attachments') continue;
    add(found.path, localize(found.message));
  }

  if (CODE_BINDING_TYPES.has(order.type)) {
    for (const [index, service] of (content.services ?? []).entries()) {
      if (!service.access?.serviceCode?.trim()) {
        add(`services[${index}].access.serviceCode`, t('errors.serviceCodeMissing'));
      }
    }
  }

  // The server's own "upload the …" findings (on `attachments`) replace the local ones after a submission.
  const serverListsDocuments = wizard.submitErrors.some((error) => error.path.startsWith('attachments'));
  if (documents && !serverListsDocuments) {
    const uploaded = new Set(documents.map((document) => document.kind));
    for (const item of wizard.validation?.checklist ?? []) {
      if (item.required && !uploaded.has(item.document.id)) {
        add(
          `documents.${item.document.id}`,
          t('errors.documentMissing', {
            name: localize({ en: item.document.nameEn, zh: item.document.nameZh }),
          }),
        );
      }
    }
  }
  return items;
}
