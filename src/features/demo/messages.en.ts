import type { DemoMessages } from './messages.ts';

/** The English of `demoMessages`: fetched only when English is chosen (src/i18n/later-english.ts). */
export const en: DemoMessages = {
  banner: 'DEMO — a sample cooperative for trying Lumbung. Its data is not real.',
  title: 'Sample cooperative',
  intro: 'Load "Koperasi Desa Sumber Makmur (DEMO)": 60 members, two years of savings, loans, shop sales and year closes, to try every screen.',
  onlyEmpty: 'The sample cooperative can only be loaded on a trial-mode phone with no entries yet, so it never mixes with real data.',
  load: 'Load the sample cooperative',
  resume: 'Continue loading the sample cooperative',
  loaded: 'The sample cooperative is loaded on this phone.',
  loading: (done: number, total: number) => `Loading ${String(done)} of ${String(total)} entries…`,
  progressLabel: 'Progress loading the sample cooperative',
  done: (n: number) => `Done: ${String(n)} entries of the sample cooperative loaded.`,
  failed: 'Loading stopped. Entries already loaded stay; tap again to continue.',
  welcomeTitle: 'Try with a sample cooperative',
  welcomeHint: 'Trial mode filled with two years of sample data (DEMO), to see every screen in use.',
};
