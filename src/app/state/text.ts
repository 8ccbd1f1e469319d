import { asString, identity, useUrlParam } from './url';

// A sentence whose next word depends on a noun near its start (chapter 5's try-this and tests/try-this-shipped.test.ts).
export const DEFAULT_TEXT = 'The woman stood at the window and looked for';

const parseText = asString(DEFAULT_TEXT);

/**
 * The reader's sentence, shared by every view. Typing replaces the history entry instead of adding one per key; a
 * change that should be its own step back (the start of a generation run) says 'push'.
 */
export function useText(): [string, (text: string, mode?: 'push' | 'replace') => void] {
  return useUrlParam('text', parseText, identity, 'replace');
}
