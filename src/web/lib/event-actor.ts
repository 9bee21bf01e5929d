import type { TFunction } from 'i18next';
import type { Language } from '../i18n/messages.ts';

/** Who took a step of an order's or a licence application's history (openapi.json: EventActor). */
export interface EventActor {
  kind: 'user' | 'system';
  userId?: string;
  name?: string;
  role?: 'applicant' | 'agent' | 'provider_reviewer' | 'authority_reviewer' | 'platform_admin';
  organisation?: { en: string; zh: string };
  provinceCode?: string;
  onBehalfOf?: string;
}

/**
 * "Wang Fang · Provider reviewer (Example Cloud)", "李娜 · 管局审核员（北京市通信管理局）",
 * "Zhang Wei · Agent for Example Ltd (Quick Filing Agency)"; "System" for the platform's own jobs.
 */
export function formatEventActor(actor: EventActor, t: TFunction<'common'>, language: Language): string {
  if (actor.kind === 'system') return t('eventActor.system');
  const isChinese = language === 'zh-CN';
  const role =
    actor.role === 'agent' && actor.onBehalfOf
      ? t('eventActor.agentFor', { client: actor.onBehalfOf })
      : actor.role && t(`roles.${actor.role}`);
  const organisation = actor.organisation && (isChinese ? actor.organisation.zh : actor.organisation.en);
  const part =
    role && organisation
      ? isChinese
        ? `${role}（${organisation}）`
        : `${role} (${organisation})`
      : role || organisation;
  return [actor.name || t('eventActor.unnamed'), part].filter(Boolean).join(' · ');
}
