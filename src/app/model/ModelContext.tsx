import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { loadDefaultModel, type AppModel } from './loadModel';
import { memoryLimitFor, OpenModelError, openModelFiles, type OpenProblem, type OpenProgress, type PickedModel } from './openFiles';
import { remoteModelFiles } from './remoteFiles';
import { PassWorker } from './passClient';
import { fitsPassWorker } from './weightMemory';
import type { GPTModel } from '../../core/model';
import { readParam, writeParams } from '../state/url';

export type ModelState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; model: AppModel };

/** Opening a model from the reader's disk or from an address they typed, beside the one the page runs on. */
export interface ModelOpener {
  /** Reading files now: how far, in bytes and tensors (null until the header is read). */
  opening: { progress: OpenProgress | null } | null;
  /** Why the last open failed; the model the page runs on is unchanged. */
  problem: OpenProblem | null;
  /** The model a link was made with, when it was not the default: links always open on the default. */
  linkModel: string | null;
  /** The model the page opens on, once loaded: figures compare an opened model with it. */
  defaultModel: AppModel | null;
  open: (picked: PickedModel) => void;
  /** The only request off the page's own origin, made when the reader asks for it. */
  openUrl: (folder: URL) => void;
  cancel: () => void;
  backToDefault: () => void;
  dismissProblem: () => void;
}

// The URL key this context owns: the loaded model's name when it is not the default.
export const MODEL_KEY = 'model';

/**
 * Where the passes of the model on the page run. The default model's take a few milliseconds, and run here,
 * in step with the page; a model the reader opens runs its passes in a worker, which shares the page's weights
 * when the page is cross-origin isolated and otherwise needs a copy of its own, when the browser has the memory
 * for that (otherwise here too, slowly).
 */
export interface PassPlace {
  /** The model whose passes go to the worker; null when they run here. */
  model: GPTModel | null;
  /** That model's worker, once started. */
  worker: PassWorker | null;
}

const ModelContext = createContext<ModelState>({ status: 'loading' });
const PassPlaceContext = createContext<PassPlace>({ model: null, worker: null });
const OpenerContext = createContext<ModelOpener | null>(null);

function deviceMemory(): number | undefined {
  return (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
}

/**
 * Loads the default model once, and any model the reader opens from disk. The page renders at once;
 * the parts that need the model wait for it. An opened model replaces the running one only once it
 * has loaded whole, so a failed or cancelled open changes nothing.
 */
export function ModelProvider(props: { children: ReactNode }) {
  const [state, setState] = useState<ModelState>({ status: 'loading' });
  const [defaultModel, setDefaultModel] = useState<AppModel | null>(null);
  const [opened, setOpened] = useState<AppModel | null>(null);
  const [opening, setOpening] = useState<ModelOpener['opening']>(null);
  const [problem, setProblem] = useState<OpenProblem | null>(null);
  // Read once: the page opens on the default model whatever the link says, and says so.
  const [linkModel, setLinkModel] = useState<string | null>(() => readParam(MODEL_KEY));
  const controller = useRef<AbortController | null>(null);
  const workerModel = useMemo(
    () => (opened && fitsPassWorker(opened.model, memoryLimitFor(deviceMemory())) ? opened.model : null),
    [opened],
  );
  const [started, setStarted] = useState<PassWorker | null>(null);
  useEffect(() => {
    if (workerModel === null) return;
    const worker = new PassWorker(workerModel);
    setStarted(worker);
    return () => {
      worker.terminate();
      setStarted(null);
    };
  }, [workerModel]);
  const passPlace = useMemo<PassPlace>(
    () => ({ model: workerModel, worker: started?.model === workerModel ? started : null }),
    [workerModel, started],
  );

  useEffect(() => {
    let live = true;
    loadDefaultModel().then(
      (model) => {
        if (!live) return;
        setDefaultModel(model);
        setState({ status: 'ready', model });
      },
      (e: Error) => live && setState({ status: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    // The address says which model is open, and only while one other than the default is.
    if (readParam(MODEL_KEY) !== null && opened === null) writeParams({ [MODEL_KEY]: null }, 'replace');
  }, [opened]);

  const openFrom = useCallback((pick: (signal: AbortSignal) => Promise<PickedModel>) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setProblem(null);
    setOpening({ progress: null });
    pick(mine.signal)
      .then((picked) =>
        openModelFiles(picked, {
          signal: mine.signal,
          memoryLimitBytes: memoryLimitFor(deviceMemory()),
          onProgress: (progress) => {
            if (controller.current === mine) setOpening({ progress });
          },
        }),
      )
      .then(
        (model) => {
          if (controller.current !== mine) return;
          controller.current = null;
          setOpening(null);
          setOpened(model);
          setLinkModel(null);
          setState({ status: 'ready', model });
          writeParams({ [MODEL_KEY]: model.name }, 'replace');
        },
        (e: unknown) => {
          if (controller.current !== mine) return;
          controller.current = null;
          setOpening(null);
          if (mine.signal.aborted) return; // cancelled: nothing to say
          setProblem(e instanceof OpenModelError ? e.problem : { kind: 'unreadable', detail: String((e as Error)?.message ?? e) });
        },
      );
  }, []);
  const open = useCallback((picked: PickedModel) => openFrom(() => Promise.resolve(picked)), [openFrom]);
  const openUrl = useCallback((folder: URL) => openFrom((signal) => remoteModelFiles(folder, signal)), [openFrom]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setOpening(null);
  }, []);

  const backToDefault = useCallback(() => {
    if (!defaultModel) return;
    setOpened(null);
    setState({ status: 'ready', model: defaultModel });
  }, [defaultModel]);

  const dismissProblem = useCallback(() => setProblem(null), []);

  const opener = useMemo<ModelOpener>(
    () => ({ opening, problem, linkModel, defaultModel, open, openUrl, cancel, backToDefault, dismissProblem }),
    [opening, problem, linkModel, defaultModel, open, openUrl, cancel, backToDefault, dismissProblem],
  );
  return (
    <ModelContext.Provider value={state}>
      <OpenerContext.Provider value={opener}>
        <PassPlaceContext.Provider value={passPlace}>{props.children}</PassPlaceContext.Provider>
      </OpenerContext.Provider>
    </ModelContext.Provider>
  );
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

/** Whether `model`'s passes run in the worker, and the worker once it has started. */
export function usePassPlace(model: GPTModel | null): { inWorker: boolean; worker: PassWorker | null } {
  const place = useContext(PassPlaceContext);
  const inWorker = model !== null && place.model === model;
  return { inWorker, worker: inWorker ? place.worker : null };
}

export function useModelOpener(): ModelOpener {
  const opener = useContext(OpenerContext);
  if (!opener) throw new Error('useModelOpener must be used inside ModelProvider');
  return opener;
}
