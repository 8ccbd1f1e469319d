import type { CommonStrings } from '../../en/ui/common';

// Words and punctuation that several parts of the page share.
const common: CommonStrings = {
  // Units the page counts in
  token: '词元',
  position: '位置',
  layer: '层',
  head: '头',
  // Punctuation, which differs between the languages
  quoted: '“{text}”',
  colon: '：',
  inParentheses: '（{value}）',
  listSeparator: '、',
};

export default common;
