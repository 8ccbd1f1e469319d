import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useModel } from '../model/ModelContext';
import { useSampling, type SamplingState } from './settings';

const SamplingContext = createContext<SamplingState | null>(null);

/**
 * The one owner of the sampling keys (out.t, out.k, out.p): chapter 9's controls and the generation
 * panel's temperature read and write the same state through it, not a hook each.
 */
export function SamplingOwner(props: { children: ReactNode }) {
  const { model } = useModel();
  const sampling = useSampling(model.config.vocabSize);
  const { settings, problems, typed, setTemperature, setTopK, setTopP } = sampling;
  const value = useMemo(
    () => ({ settings, problems, typed, setTemperature, setTopK, setTopP }),
    [settings, problems, typed, setTemperature, setTopK, setTopP],
  );
  return <SamplingContext.Provider value={value}>{props.children}</SamplingContext.Provider>;
}

/** The sampling state of the SamplingOwner above. */
export function useSharedSampling(): SamplingState {
  const sampling = useContext(SamplingContext);
  if (!sampling) throw new Error('the sampling settings are read below a SamplingOwner');
  return sampling;
}
