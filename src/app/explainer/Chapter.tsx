import { memo, type ReactNode } from 'react';
import type { ChapterId } from '../../content/types';
import { getChapter } from '../../content/chapters';
import { fillPlaceholders, type PlaceholderValues } from '../../content/fill';
import { useI18n } from '../i18n';
import { Prose } from './Tex';
import { useNearViewport } from './NearViewport';

/**
 * One chapter: its prose (filled with the loaded model's sizes) beside a live figure on the reader's text.
 * Until it comes near the viewport it is only its number and title, at its usual height (`.chapter.pending`),
 * so that the page is ready sooner and its anchor and heading are there for links and the table of contents.
 */
export function Chapter(props: { id: ChapterId; index: number; values: PlaceholderValues; children?: ReactNode; onStepHere?: () => void }) {
  const { ui } = useI18n();
  const headingId = `chapter-${props.id}-title`;
  const [ref, near] = useNearViewport<HTMLElement>(`chapter-${props.id}`);
  return (
    <section
      ref={ref}
      className={near ? 'chapter' : 'chapter pending'}
      id={`chapter-${props.id}`}
      aria-labelledby={headingId}
      data-testid={`chapter-${props.id}`}
      data-pending={near ? undefined : `chapter-${props.id}`}
    >
      <ChapterText id={props.id} index={props.index} values={props.values} headingId={headingId} full={near} />
      {near && (
        <div className="chapter-figure">
          {props.children}
          {props.onStepHere && (
            <button type="button" className="step-here" onClick={props.onStepHere}>
              {ui.stepHere} ↑
            </button>
          )}
        </div>
      )}
    </section>
  );
}

// The prose depends only on the chapter, the language and the model, so typing does not re-render it.
const ChapterText = memo(function ChapterText(props: {
  id: ChapterId;
  index: number;
  values: PlaceholderValues;
  headingId: string;
  /** The whole text, or (until the chapter comes near) its number and title alone: the same elements, so a scroll anchored on them holds. */
  full: boolean;
}) {
  const { lang, ui, t } = useI18n();
  const ch = getChapter(lang, props.id);
  const fill = (s: string) => fillPlaceholders(s, props.values, lang);
  return (
    <div className="chapter-text">
      <p className="chapter-number">{t('chapterN', { i: props.index + 1 })}</p>
      <h2 id={props.headingId}>{ch.title}</h2>
      {props.full && (
        <>
          <p className="lede">
            <Prose text={fill(ch.lede)} />
          </p>
          {ch.body.map((p, i) => (
            <p key={i}>
              <Prose text={fill(p)} />
            </p>
          ))}
          <aside className="try-this">
            <h3>{ui.tryThis}</h3>
            <ul>
              {ch.tryThis.map((p, i) => (
                <li key={i}>
                  <Prose text={fill(p)} />
                </li>
              ))}
            </ul>
          </aside>
        </>
      )}
    </div>
  );
});
