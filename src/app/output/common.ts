import type { Lang, UiStrings } from '../i18n';
import type { ForwardResult } from '../model/runText';

export interface OutputProps {
  lang: Lang;
  ui: UiStrings;
  result: ForwardResult;
}
