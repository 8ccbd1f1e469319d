import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { DEFAULT_MODEL_URL, loadModel, type AppModel } from './loadModel';

type ModelState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; model: AppModel };

const ModelContext = createContext<AppModel | null>(null);

/** Loads the model once; children render only when it is ready, so they can assume it exists. */
export function ModelProvider(props: { loading: ReactNode; error: (message: string) => ReactNode; children: ReactNode }) {
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
  if (state.status === 'loading') return <>{props.loading}</>;
  if (state.status === 'error') return <>{props.error(state.message)}</>;
  return <ModelContext.Provider value={state.model}>{props.children}</ModelContext.Provider>;
}

export function useModel(): AppModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error('useModel must be used inside a ready ModelProvider');
  return model;
}
