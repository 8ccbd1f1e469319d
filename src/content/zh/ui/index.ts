import type { UiStrings } from '../../en/ui';
import common from './common';
import shell from './shell';
import explainer from './explainer';
import figures from './figures';
import lab from './lab';
import output from './output';

// The same areas as ../../en/ui, each typed against its English twin.
const ui: UiStrings = { ...common, ...shell, ...explainer, ...figures, ...lab, ...output };

export default ui;
