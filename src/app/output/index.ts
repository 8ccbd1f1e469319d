// From the last vector to the next word: chapters 8-10 and the experiments after them.
import './output.css';

export { LogitsFigure } from './LogitsFigure';
export { SoftmaxFigure } from './SoftmaxFigure';
export { GenerationPanel } from './GenerationPanel';
export { SamplingOwner } from './SamplingOwner';
export { LogitLens } from './LogitLens';
export { AblationPanel } from './AblationPanel';
export { ParameterCounter } from './ParameterCounter';
