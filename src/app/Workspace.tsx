import { useDeferredValue, useEffect, useMemo, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { useModelState, usePassPlace } from './model/ModelContext';
import { readText, runText, withPass, type ForwardResult } from './model/runText';
import { useCommittedPass, usePassMemory, useWorkerPass } from './model/usePass';
import { useReadyMark } from './model/useReadyMark';
import { useText } from './state/text';
import { linkCutFor, openedLinkCut, useUrlParam } from './state/url';
import { TextInput, type LinkCut } from './TextInput';
import { Prediction } from './Prediction';
import { Explainer, ExplainerWithoutText } from './explainer/Explainer';
import { EmbeddingLab, prefetchLaterParts } from './lazyParts';
import { FigureBoundary } from './FigureBoundary';
import { useKeepPlaceOnResize } from './explainer/holdJump';
import { SamplingOwner } from './output/SamplingOwner';
import type { LoadedModel } from '../core/bundle';
import type { PassWorker } from './model/passClient';

type View = 'read' | 'lab';
const parseView = (raw: string | null): View => (raw === 'lab' ? 'lab' : 'read');
const serializeView = (v: View) => (v === 'read' ? null : v);

// One object for every render, so the pass's options never look new to anything that compares them.
const FORWARD_OPTIONS = { logitRows: 'last' } as const;

/**
 * Everything below the header. The text box is there at once, so the reader can start typing while
 * the model loads; the prediction and the chosen view follow when it is ready. The text box stays the
 * same element throughout, so nothing typed meanwhile is lost.
 */
export function Workspace(props: { error: (detail: string) => ReactNode }) {
  const { ui } = useI18n();
  const state = useModelState();
  const loaded = state.status === 'ready' ? state.model : null;
  const [text, setText] = useText();
  const [view, setView] = useUrlParam('view', parseView, serializeView, 'push');
  useKeepPlaceOnResize();
  // The text box follows every key at once; the model and the figures catch up as soon as React has time,
  // so a long text never makes typing lag.
  const modelText = useDeferredValue(text);
  const memory = usePassMemory();
  const { inWorker, worker } = usePassPlace(loaded?.model ?? null);
  const here = useMemo(
    () => (loaded && !inWorker ? memory.run((into) => runText(loaded, modelText, FORWARD_OPTIONS, into)) : null),
    [memory, loaded, modelText, inWorker],
  );
  const there = useResultFromWorker(loaded && inWorker ? loaded : null, modelText, worker);
  const result = inWorker ? there : here;
  useCommittedPass(result?.kind === 'ok' ? result.trace : null, memory);
  useReadyMark(result !== null, result?.kind === 'ok' ? result.ran : null);
  useEffect(() => {
    if (!loaded) return;
    // After the frame that shows the first prediction, not before it.
    const frame = requestAnimationFrame(() => setTimeout(prefetchLaterParts, 0));
    return () => cancelAnimationFrame(frame);
  }, [loaded]);
  const linkCut = useMemo<LinkCut | null>(() => {
    if (!loaded || result?.kind !== 'ok') return null;
    const cut = linkCutFor(result.text);
    if (cut === null) return null;
    // The link gives the same prediction exactly when the model's window over its text holds the same tokens.
    const linkWindow = loaded.tokenizer.encode(cut.kept).slice(-result.ids.length);
    const keepsWhatModelReads = linkWindow.length === result.ids.length && linkWindow.every((id, i) => id === result.ids[i]);
    return { cut, total: [...result.text].length, keepsWhatModelReads };
  }, [loaded, result]);
  const openLab = () => {
    setView('lab');
    window.scrollTo({ top: 0 });
  };
  if (state.status === 'error') return <>{props.error(state.message)}</>;
  return (
    <main data-model-ready={loaded ? '' : undefined}>
      <div className="top-panel">
        <TextInput
          text={text}
          onText={setText}
          result={result}
          linkCut={linkCut}
          openedCut={openedLinkCut()}
          nPositions={loaded?.model.config.nPositions ?? 0}
          nLayers={loaded?.model.config.nLayer ?? 0}
        />
        {loaded && result ? (
          <FigureBoundary id="prediction" resetKey={modelText}>
            <Prediction result={result} tokenizer={loaded.tokenizer} count={5} />
          </FigureBoundary>
        ) : (
          <p className="status" role="status">
            {ui.loadingModel}
          </p>
        )}
      </div>
      {loaded && result && (
        <>
          <nav className="view-switch" aria-label={ui.viewSwitch}>
            <button type="button" aria-pressed={view === 'read'} onClick={() => setView('read')} data-testid="view-read">
              {ui.viewRead}
            </button>
            <button type="button" aria-pressed={view === 'lab'} onClick={() => setView('lab')} data-testid="view-lab">
              {ui.viewLab}
            </button>
          </nav>
          {/* The last fence, for what the views compute before their own figures' fences. */}
          <FigureBoundary id={view} resetKey={modelText}>
            {view === 'lab' ? (
              <EmbeddingLab result={result} />
            ) : result.kind === 'ok' ? (
              <SamplingOwner>
                <Explainer loaded={loaded} result={result} onOpenLab={openLab} />
              </SamplingOwner>
            ) : (
              <ExplainerWithoutText loaded={loaded} />
            )}
          </FigureBoundary>
        </>
      )}
    </main>
  );
}

/**
 * The reader's text run in the pass worker. The page shows the last result back from the worker until the
 * next arrives, as it shows a deferred result while the reader types; empty text needs no pass.
 */
function useResultFromWorker(loaded: LoadedModel | null, text: string, worker: PassWorker | null): ForwardResult | null {
  const read = useMemo(() => (loaded ? readText(loaded, text) : null), [loaded, text]);
  const request = useMemo(() => (read?.kind === 'ok' ? { ids: read.ids, options: FORWARD_OPTIONS, tag: read } : null), [read]);
  const pass = useWorkerPass(worker, request);
  return useMemo(() => {
    if (read === null) return null;
    if (read.kind === 'empty') return read;
    return pass ? withPass(pass.request.tag, pass.trace, pass.forwardMs) : null;
  }, [read, pass]);
}
