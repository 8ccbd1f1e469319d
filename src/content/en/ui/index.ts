// Short interface strings, one file per area of the page. {name} placeholders are filled by the app (see ../../fill.ts).
// Each zh/ui area is typed as its twin here, so the compiler rejects a missing or extra key there; a key that two
// areas both hold fails tests/content.test.ts.
import type { Strings } from '../../types';
import common from './common';
import shell from './shell';
import explainer from './explainer';
import figures from './figures';
import lab from './lab';
import output from './output';

const ui = { ...common, ...shell, ...explainer, ...figures, ...lab, ...output };

export type UiStrings = Strings<typeof ui>;

export default ui as UiStrings;
