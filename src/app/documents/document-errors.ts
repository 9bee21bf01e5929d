import type { DocumentKind } from '../../domain/catalogue/schema.ts';
import { issue } from '../../domain/shared/issue.ts';
import { DomainError } from '../errors.ts';
import { toDomainError } from '../orders/order-errors.ts';
import type { FileRejection } from './document-deps.ts';

/** How document use cases fail, beyond not_found and the order's own conflicts. */

export function documentNotFound(): DomainError {
  return new DomainError('not_found', { en: 'Document not found.', zh: '未找到该材料。' });
}

/** For someone who sees the order (a reviewer, an administrator) but is not on its applicant side. */
export function documentChangeForbidden(): DomainError {
  return new DomainError('forbidden', {
    en: "Only the order's applicant, their agency or their client may change its documents.",
    zh: '只有订单的申请人、其代理机构或委托人可以修改订单材料。',
  });
}

/** For someone who sees the order but not its files (a provider or platform administrator). */
export function documentChecklistForbidden(): DomainError {
  return new DomainError('forbidden', {
    en: "Only the order's applicant side and its reviewers may see its documents checklist.",
    zh: '只有订单的申请方及其审核人员可以查看材料清单。',
  });
}

/** The inspection's rejection as the error the client receives: same code, message and params. */
export function fileRejected(rejection: FileRejection): DomainError {
  return new DomainError(rejection.code, rejection.message, rejection.params);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The upload went past the limit and was cut off there, so its real size is unknown. */
export function fileTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'file_too_large',
    {
      en: `The file is larger than the limit of ${formatMegabytes(maxBytes)}.`,
      zh: `文件超过 ${formatMegabytes(maxBytes)} 的上限。`,
    },
    { maxBytes },
  );
}

/** A kind the catalogue does not have, or one the order's checklist never asks for: a bad `kind` field. */
export function documentKindNotAllowed(kind: string, allowed: readonly DocumentKind[]): DomainError {
  const shown = kind.slice(0, 64);
  return toDomainError(
    issue(
      'document_kind_not_allowed',
      `This order takes no documents of the kind "${shown}"; it takes ${allowed.map((item) => item.id).join(', ') || 'none'}.`,
      `该订单不接受“${shown}”类型的材料；可上传：${allowed.map((item) => item.id).join('、') || '无'}。`,
      { params: { field: 'kind', kind: shown } },
    ),
  );
}
