import type { ForwardResult } from '../model/runText';

export interface OutputProps {
  result: ForwardResult;
}
