import type { Strings } from '../../types';

// Words and punctuation that several parts of the page share.
const common = {
  // Units the page counts in
  token: 'Token',
  position: 'Position',
  layer: 'Layer',
  head: 'Head',
  // Punctuation, which differs between the languages
  quoted: '‘{text}’',
  colon: ':',
  inParentheses: ' ({value})',
  listSeparator: ', ',
};

export type CommonStrings = Strings<typeof common>;

export default common as CommonStrings;
