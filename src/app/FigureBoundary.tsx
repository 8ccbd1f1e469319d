import { Component, Fragment, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { crashIfAsked } from './crashTest';

interface Props {
  /** Which figure this is: shown to tests as data-figure, and what the crash test names. */
  id: string;
  /** The text the figure was drawn from: when it changes, a failed figure tries again by itself. */
  resetKey: string;
  /** What shows instead of a failed figure; a short message and a reset button unless given. */
  failed?: (message: string, reset: () => void) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped on every reset, so the figure mounts afresh instead of resuming whatever state broke it. */
  attempt: number;
}

/**
 * One figure, lab panel or output panel, fenced off: if it throws while drawing, only its own box shows
 * a message and a reset button. The text box, the other figures and the URL (with the reader's text)
 * all stay as they were, because React unmounts nothing outside the nearest boundary.
 */
export class FigureBoundary extends Component<Props, State> {
  state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for whoever reports the problem; the page shows only a short message.
    console.error(`The figure "${this.props.id}" failed:`, error, info.componentStack);
  }

  componentDidUpdate(prev: Props) {
    if (this.state.error !== null && prev.resetKey !== this.props.resetKey) this.reset();
  }

  reset = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  render() {
    const { id, children, failed } = this.props;
    const { error } = this.state;
    if (error !== null)
      return failed ? failed(error.message, this.reset) : <FigureFailed id={id} message={error.message} onReset={this.reset} />;
    return (
      <Fragment key={this.state.attempt}>
        <CrashTest id={id} />
        {/* A part in a chunk of its own (lazyParts.ts) leaves its place empty until the chunk has loaded. */}
        <Suspense fallback={null}>{children}</Suspense>
      </Fragment>
    );
  }
}

/** Renders nothing; throws only when a test has asked this figure to fail (see crashTest.ts). */
function CrashTest(props: { id: string }) {
  crashIfAsked(props.id);
  return null;
}

function FigureFailed(props: { id: string; message: string; onReset: () => void }) {
  const { ui } = useI18n();
  return (
    <div className="figure-failed" role="alert" data-testid="figure-failed" data-figure={props.id}>
      <p>{ui.figureFailed}</p>
      <button type="button" onClick={props.onReset}>
        {ui.figureReset}
      </button>
      <details>
        <summary>{ui.errorDetails}</summary>
        <code>{props.message}</code>
      </details>
    </div>
  );
}
