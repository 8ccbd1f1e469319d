import {
  countParameters,
  GPT3_175B,
  GPT3_175B_UNTIED,
  leftOutOfTally,
  lessonTally,
  type LeftOutKey,
  type LessonCategory,
  type ParamGroup,
} from '../../core/param-count';
import { formatColumnCount, formatCount, formatShare } from '../../viz/output/params';
import { type UiStrings, useI18n } from '../i18n';
import { SideScroll } from '../SideScroll';

const LESSON_LABEL: Record<LessonCategory, keyof UiStrings> = {
  embedding: 'lessonEmbedding',
  key: 'lessonKey',
  query: 'lessonQuery',
  value: 'lessonValue',
  output: 'lessonOutput',
  upProjection: 'lessonUp',
  downProjection: 'lessonDown',
  unembedding: 'lessonUnembedding',
};
const LEFT_OUT_LABEL: Record<LeftOutKey, keyof UiStrings> = {
  positionEmbedding: 'leftPositionEmbedding',
  biases: 'leftBiases',
  layerNorms: 'leftLayerNorms',
};

/** GPT-3 counted as the lesson counts it, then what that leaves out, so the two totals reconcile. */
export function LessonTally() {
  const { ui, lang, t } = useI18n();
  const tally = lessonTally(GPT3_175B_UNTIED);
  const left = leftOutOfTally(GPT3_175B_UNTIED);
  return (
    <div className="lesson-tally" data-testid="lesson-tally">
      <SideScroll>
        <table className="output-table">
          <caption>{ui.outParamsLessonTitle}</caption>
          <tbody>
            {tally.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{String(ui[LESSON_LABEL[r.key]])}</th>
                <td className="num">{formatColumnCount(r.count, lang)}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row">{ui.outParamsLessonTotal}</th>
              <td className="num" data-testid="lesson-tally-total">
                {formatColumnCount(tally.total, lang)}
              </td>
            </tr>
          </tbody>
        </table>
        <table className="output-table">
          <caption>{ui.outParamsLeftOutTitle}</caption>
          <tbody>
            {left.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{String(ui[LEFT_OUT_LABEL[r.key]])}</th>
                <td className="num">{formatColumnCount(r.count, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
      <p className="caption">{t('outParamsWithLeftOut', { n: formatCount(tally.total + left.total, lang) })}</p>
      <p className="notice">{t('outParamsTiedQuestion', { tied: formatCount(countParameters(GPT3_175B).total, lang) })}</p>
    </div>
  );
}

/** How much of a model is embedding and unembedding, next to GPT-3's share counted as the lesson does. */
export function EmbeddingShare(props: { groups: readonly ParamGroup[]; total: number }) {
  const { t } = useI18n();
  const embedding = props.groups.filter((g) => g.key === 'tokenEmbedding' || g.key === 'unembedding').reduce((sum, g) => sum + g.count, 0);
  const gpt3 = lessonTally(GPT3_175B_UNTIED);
  const gpt3Embedding = gpt3.rows.filter((r) => r.key === 'embedding' || r.key === 'unembedding').reduce((sum, r) => sum + r.count, 0);
  return (
    <p className="caption" data-testid="embedding-share">
      {t('outParamsEmbeddingShare', {
        ours: formatShare(embedding / props.total),
        gpt3: formatShare(gpt3Embedding / gpt3.total),
      })}
    </p>
  );
}
