import { defineMessages } from '../../i18n/define-messages.ts';

export const settingsMessages = defineMessages({
  id: {
    title: 'Pengaturan',
    intro: 'Bahasa aplikasi dan penyimpanan data di HP ini.',
    languageTitle: 'Bahasa',
    languageHint: 'Bahasa yang dipakai di semua layar HP ini.',
  },
  en: {
    title: 'Settings',
    intro: 'The app’s language and data storage on this phone.',
    languageTitle: 'Language',
    languageHint: 'The language used on every screen of this phone.',
  },
});
