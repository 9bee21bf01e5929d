import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';
import { type EventActor, formatEventActor } from '../lib/event-actor.ts';

/** The actor of one step of a history, in the UI language. */
export function EventActorText({ actor }: { actor: EventActor }) {
  const { t } = useTranslation('common');
  return <>{formatEventActor(actor, t, currentLanguage())}</>;
}
