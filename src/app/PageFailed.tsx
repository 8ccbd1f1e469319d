import { useI18n } from './i18n';
import { readParam } from './state/url';

/**
 * The last resort, when something outside every figure's own fence fails (the text box goes with it):
 * the reader's text, whole and ready to copy, and a way to try again. The text still sits in the
 * page's state and the address, so trying again brings the text box back with it.
 */
export function PageFailed(props: { message: string; onRetry: () => void }) {
  const { ui } = useI18n();
  const text = readParam('text') ?? '';
  return (
    <main className="figure-failed page-failed" role="alert" data-testid="page-failed">
      <p>{ui.pageFailed}</p>
      {text !== '' && (
        <label className="page-failed-text">
          <span>{ui.pageFailedText}</span>
          <textarea readOnly value={text} rows={4} onFocus={(e) => e.currentTarget.select()} data-testid="page-failed-text" />
        </label>
      )}
      <button type="button" onClick={props.onRetry}>
        {ui.pageRetry}
      </button>
      <details>
        <summary>{ui.errorDetails}</summary>
        <code>{props.message}</code>
      </details>
    </main>
  );
}
