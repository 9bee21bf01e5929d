import type { Actor } from '../../domain/policy/order-access.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { loadOrderDetails } from '../orders/load-order-details.ts';
import { isRecordId } from '../orders/order-errors.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import type { OrderRecord } from '../orders/order-store.ts';
import { presentOrder } from '../orders/present-order.ts';
import { getVisibleOrder, type OrderLocator } from './document-access.ts';
import type { DocumentDeps } from './document-deps.ts';
import { buildVerificationFormContent } from './verification-form-content.ts';

export interface RenderOrderVerificationFormInput {
  actor: Actor;
  order: OrderLocator;
}

export interface RenderedVerificationForm {
  /** The PDF. */
  content: Buffer;
  /** E.g. `verification-form-OB-2026-000123.pdf`. */
  fileName: string;
  /** True when the viewer sees the order's personal data masked, and so does the form. */
  isPersonalDataMasked: boolean;
}

async function findProviderName(deps: DocumentDeps, order: OrderRecord): Promise<string | undefined> {
  const organisation = await deps.organisations?.findById(order.providerOrgId);
  if (!organisation) return undefined;
  return organisation.nameZh === organisation.nameEn
    ? organisation.nameZh
    : `${organisation.nameZh} ${organisation.nameEn}`;
}

/** Regions of the provider instances the content names, for services whose access has no region. */
async function findInstanceRegions(
  deps: DocumentDeps,
  instanceIds: readonly string[],
): Promise<Map<string, string>> {
  const regions = new Map<string, string>();
  const providers = deps.orders.persistence.read.providers;
  for (const id of new Set(instanceIds)) {
    const number = Number(id);
    if (!isRecordId(number)) continue;
    const instance = await providers.findInstance(number);
    if (instance) regions.set(id, instance.region);
  }
  return regions;
}

/**
 * The authenticity verification form (网站备案信息真实性核验单) of an order as a prefilled bilingual
 * PDF, to be printed, checked against the originals, signed and uploaded as `verification_form`.
 * Everyone who may view the order gets it, filled with the content they see: the draft for the
 * applicant side, the submitted version for reviewers, masked for viewers who see the order masked.
 * The form carries personal data, so each rendering is audited. Errors: not_found.
 */
export async function renderOrderVerificationForm(
  deps: DocumentDeps,
  input: RenderOrderVerificationFormInput,
): Promise<RenderedVerificationForm> {
  const { actor } = input;
  const order = await getVisibleOrder(deps.persistence.read.orders, actor, input.order);
  const view = presentOrder(await loadOrderDetails(deps.orders, deps.orders.persistence.read, order), actor);
  const services = Array.isArray(view.content.services) ? view.content.services : [];
  const instanceIds = services.flatMap((service) =>
    typeof service?.access?.instanceId === 'string' ? [service.access.instanceId] : [],
  );
  const providerName = await findProviderName(deps, order);
  const orderReference = formatOrderReference(order.id, order.createdAt);
  const data = buildVerificationFormContent(view.content, {
    catalogue: deps.orders.catalogue,
    orderReference,
    orderType: order.type,
    provinceCode: order.provinceCode,
    ...(providerName === undefined ? {} : { providerName }),
    instanceRegions: await findInstanceRegions(deps, instanceIds),
  });
  const now = deps.orders.clock.now();
  const content = await deps.renderVerificationForm(data, { generatedAt: now });
  await deps.persistence.transact((stores) =>
    appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: describeUser(actor),
        action: 'order.verification_form_read',
        subjectType: 'order',
        subjectId: String(order.id),
        payload: { orderReference, contentSource: view.contentSource, masked: view.isPersonalDataMasked },
      },
    ),
  );
  return {
    content,
    fileName: `verification-form-${orderReference}.pdf`,
    isPersonalDataMasked: view.isPersonalDataMasked,
  };
}
