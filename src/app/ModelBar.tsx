import { useEffect, useId, useRef, useState } from 'react';
import { type I18n, sentenceGap, useI18n } from './i18n';
import { useModelOpener, useModelState } from './model/ModelContext';
import { pickModelFiles, type OpenProblem, type PickedModel } from './model/openFiles';
import { modelFolderUrl } from './model/remoteFiles';
import { filesFromEntries, type DroppedEntry } from './model/droppedEntries';
import { formatApprox } from '../viz/format';
import './modelBar.css';

/** Bytes as sizes are quoted, three significant figures: 498 MB, 6.23 GB. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${Number((bytes / size).toPrecision(3))} ${unit}`;
  return `${bytes} B`;
}

/** The sentence for a failed open, in the reader's language; the model that runs is named after it. */
function problemText(problem: OpenProblem, running: string, { ui, lang, t }: I18n): string {
  const quote = (name: string) => t('quoted', { text: name });
  // "a, b and c" in English, "a、b 和 c" in Chinese.
  const list = (names: readonly string[]) =>
    names.length < 2
      ? names.join('')
      : `${names.slice(0, -1).join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? ' 和 ' : ' and '}${names.at(-1)}`;
  const first = (() => {
    switch (problem.kind) {
      case 'missing':
        return t(problem.files.length === 1 ? 'modelMissing' : 'modelMissingSome', { files: list(problem.files) });
      case 'notGpt2':
        return t('modelNotGpt2', { what: quote(problem.modelType ?? list(problem.architectures)) });
      case 'shapes':
        return ui.modelShapes;
      case 'truncated':
        return t('modelTruncated', { have: problem.actualBytes, need: problem.expectedBytes });
      case 'tooBig':
        return t('modelTooBig', {
          params: formatApprox(problem.parameters, lang),
          size: formatBytes(problem.float32Bytes),
          limit: formatBytes(problem.limitBytes),
        });
      case 'unreadable':
        return problem.file ? t('modelUnreadableFile', { file: quote(problem.file) }) : ui.modelUnreadable;
      case 'unreachable':
        return t('modelUnreachable', { host: problem.host });
    }
  })();
  return [first, t('modelStillRunning', { name: quote(running) })].join(sentenceGap(lang));
}

// Files from a drop. The entries must be taken while the drop event lasts; their files are read after.
function droppedFiles(items: DataTransferItemList): Promise<PickedModel> {
  const entries = [...items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) {
    // A browser without entries (or files handed over by script): the files themselves, without a folder.
    const files = [...items].map((item) => item.getAsFile()).filter((f): f is File => f !== null);
    return Promise.resolve(pickModelFiles(files.map((file) => ({ file, name: file.name, path: file.name }))));
  }
  // The DOM types give isFile and isDirectory as plain booleans; each entry is exactly one of the two.
  return filesFromEntries(entries as unknown as DroppedEntry[]);
}

function pickedFromInput(list: FileList): PickedModel {
  return pickModelFiles([...list].map((file) => ({ file, name: file.name, path: file.webkitRelativePath || file.name })));
}

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * The model the page runs on, and a way to open another from the reader's disk: a folder or the
 * four files, chosen or dropped anywhere on the page. Nothing leaves the computer.
 */
export function ModelBar() {
  const i18n = useI18n();
  const { ui, lang, t } = i18n;
  const state = useModelState();
  const opener = useModelOpener();
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const { open } = opener;

  useEffect(() => {
    // Counted, because dragenter and dragleave fire for every element the pointer crosses.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault(); // lets the drop happen instead of the browser opening the file
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void droppedFiles(e.dataTransfer.items).then(open);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [open]);

  if (state.status !== 'ready') return null;
  const { model: running } = state;
  const { config } = running.model;
  const chosen = (input: HTMLInputElement) => {
    if (input.files && input.files.length > 0) open(pickedFromInput(input.files));
    input.value = ''; // the same folder can be chosen again
  };
  const progress = opener.opening?.progress ?? null;

  return (
    <section className="model-bar" aria-label={ui.modelBarLabel} data-testid="model-bar">
      <p className="model-name">
        {ui.modelBarLabel}
        {lang === 'zh' ? '：' : ': '}
        <strong data-testid="model-name">{running.name}</strong>{' '}
        <span className="model-shape">{t('modelBarSummary', { L: config.nLayer, C: config.nEmbd, V: config.vocabSize })}</span>
      </p>
      {!running.isDefault && (
        <button type="button" onClick={opener.backToDefault}>
          {ui.modelBackToDefault}
        </button>
      )}
      {/* Folded away, so that on a phone the text box is near the top; dropping files works either way. */}
      <details className="model-open" data-testid="model-open">
        <summary>{ui.modelOpenAnother}</summary>
        <div className="model-actions">
          <button type="button" onClick={() => folderInput.current?.click()} aria-describedby={hintId} disabled={opener.opening !== null}>
            {ui.modelOpenFolder}
          </button>
          <button type="button" className="link-like" onClick={() => filesInput.current?.click()} disabled={opener.opening !== null}>
            {ui.modelOpenFiles}
          </button>
        </div>
        <p className="model-hint" id={hintId}>
          {ui.modelOpenHint}
        </p>
        <UrlForm busy={opener.opening !== null} onOpen={opener.openUrl} />
      </details>
      <input
        ref={folderInput}
        type="file"
        hidden
        data-testid="model-folder-input"
        // React does not know the attribute; the empty string switches it on.
        {...{ webkitdirectory: '' }}
        onChange={(e) => chosen(e.currentTarget)}
      />
      <input
        ref={filesInput}
        type="file"
        hidden
        multiple
        accept=".json,.txt,.safetensors"
        data-testid="model-files-input"
        onChange={(e) => chosen(e.currentTarget)}
      />
      {opener.opening && (
        <div className="model-progress" role="status" data-testid="model-progress">
          <progress max={progress?.bytesTotal || 1} value={progress?.bytesRead ?? 0} aria-label={ui.modelOpeningHeader} />
          <span>
            {progress === null
              ? ui.modelOpeningHeader
              : t('modelOpening', {
                  read: formatBytes(progress.bytesRead),
                  total: formatBytes(progress.bytesTotal),
                  t: progress.tensorsRead,
                  n: progress.tensorsTotal,
                })}
          </span>
          <button type="button" onClick={opener.cancel}>
            {ui.modelCancel}
          </button>
        </div>
      )}
      {opener.problem && (
        <div className="model-problem notice warn" role="alert" data-testid="model-problem" data-problem={opener.problem.kind}>
          <p>{problemText(opener.problem, running.name, i18n)}</p>
          {(opener.problem.kind === 'shapes' || opener.problem.kind === 'unreadable') && (
            <details>
              <summary>{ui.errorDetails}</summary>
              <code>{opener.problem.detail}</code>
            </details>
          )}
          <button type="button" onClick={opener.dismissProblem}>
            {ui.modelDismiss}
          </button>
        </div>
      )}
      {opener.linkModel !== null && running.isDefault && (
        <p className="notice warn" data-testid="model-link-note">
          {t('modelLinkNote', {
            name: t('quoted', { text: opener.linkModel }),
            default: t('quoted', { text: running.name }),
          })}
        </p>
      )}
      {dragging && (
        <div className="model-drop" aria-hidden="true">
          <p>{ui.modelDrop}</p>
        </div>
      )}
    </section>
  );
}

const EXAMPLE_URL = 'https://huggingface.co/openai-community/gpt2';

/**
 * A folder's address, opened only after the page has said what it will fetch and from where: this is
 * the one request the app can make off its own origin, and it is made only when the reader confirms.
 */
function UrlForm(props: { busy: boolean; onOpen: (folder: URL) => void }) {
  const { ui, t } = useI18n();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<URL | null>(null);
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const ask = () => {
    const folder = modelFolderUrl(typed);
    setInvalid(folder === null);
    setAsked(folder);
  };
  return (
    <div className="model-url" data-testid="model-url">
      <form
        // The page explains a bad address in the reader's language instead of the browser's own bubble.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          ask();
        }}
      >
        <label htmlFor={inputId}>{ui.modelUrlLabel}</label>
        <input
          id={inputId}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder={EXAMPLE_URL}
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            setAsked(null);
            setInvalid(false);
          }}
        />
        <button type="submit" disabled={props.busy || typed.trim() === ''}>
          {ui.modelUrlOpen}
        </button>
      </form>
      {invalid && (
        <p className="notice warn" role="alert">
          {t('modelUrlInvalid', { scheme: 'https://', example: EXAMPLE_URL })}
        </p>
      )}
      {asked && (
        <div className="notice" role="alertdialog" aria-label={ui.modelUrlOpen} data-testid="model-url-ask">
          {/* Only another site's address is a request outside the page's own. */}
          <p>{t(asked.origin === window.location.origin ? 'modelUrlAskOwnSite' : 'modelUrlAsk', { host: asked.host })}</p>
          <code>{asked.href}</code>
          <div className="model-actions">
            <button
              type="button"
              onClick={() => {
                props.onOpen(asked);
                setAsked(null);
              }}
            >
              {ui.modelUrlGo}
            </button>
            <button type="button" className="link-like" onClick={() => setAsked(null)}>
              {ui.modelCancel}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
