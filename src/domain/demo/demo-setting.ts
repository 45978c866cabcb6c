/**
 * `settings.changed` key that marks a cooperative's books as the demo (the app shows a banner). Its
 * value `{seed, until}` is what generated them, so an interrupted load resumes with the same drafts.
 * A module of its own: enrollment checks for it without loading the generator.
 */
export const DEMO_SETTING = 'demo';
