import { asString, identity, useUrlParam } from './url';

export const DEFAULT_TEXT = 'The king said to the queen that he would';

const parseText = asString(DEFAULT_TEXT);

/** The reader's sentence, shared by every view. Typing replaces the history entry instead of adding one per key. */
export function useText(): [string, (text: string) => void] {
  return useUrlParam('text', parseText, identity, 'replace');
}
