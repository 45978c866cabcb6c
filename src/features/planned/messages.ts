import { defineMessages } from '../../i18n/define-messages.ts';

export const plannedMessages = defineMessages({
  id: { planTitle: 'Yang akan ada di layar ini' },
  en: { planTitle: 'What this screen will hold' },
});
