import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { DEFAULT_MODEL_URL, loadModel, type AppModel } from './loadModel';

export type ModelState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; model: AppModel };

const ModelContext = createContext<ModelState>({ status: 'loading' });

/** Loads the model once. The page renders at once; the parts that need the model wait for it. */
export function ModelProvider(props: { children: ReactNode }) {
  const [state, setState] = useState<ModelState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadModel(DEFAULT_MODEL_URL).then(
      (model) => live && setState({ status: 'ready', model }),
      (e: Error) => live && setState({ status: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return <ModelContext.Provider value={state}>{props.children}</ModelContext.Provider>;
}

export function useModelState(): ModelState {
  return useContext(ModelContext);
}

/** The loaded model, for components that only render once it is ready. */
export function useModel(): AppModel {
  const state = useContext(ModelContext);
  if (state.status !== 'ready') throw new Error('useModel must be used once the model is ready');
  return state.model;
}
