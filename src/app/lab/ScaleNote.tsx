import type { AppModel } from '../model/loadModel';
import { embeddingSize, gpt3EmbeddingSize } from '../../core/embeddingScale';
import { useI18n } from '../i18n';

const BYTES_PER_FLOAT32 = 4;

/** W_e's size here next to GPT-3's, both multiplied out from their shapes. */
export function ScaleNote(props: { loaded: AppModel }) {
  const { ui, t } = useI18n();
  const ours = embeddingSize(props.loaded.model.params.wte);
  const gpt3 = gpt3EmbeddingSize();
  const ratio = Math.round(gpt3.parameters / ours.parameters);
  const mb = Math.round((gpt3.parameters * BYTES_PER_FLOAT32) / 1e6);
  return (
    <section className="lab-section lab-scale" aria-label={ui.labScale}>
      <h3>{ui.labScale}</h3>
      <p>{t('labScaleOurs', { V: ours.rows, C: ours.columns, n: ours.parameters })}</p>
      <p>{t('labScaleGpt3', { V: gpt3.rows, C: gpt3.columns, n: gpt3.parameters })}</p>
      <p className="lab-hint">{t('labScaleMeaning', { ratio, C: gpt3.columns, mb })}</p>
    </section>
  );
}
