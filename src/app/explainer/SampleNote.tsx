import { shownColumns, type HeatmapLayout } from '../../viz/heatmap';
import { useI18n } from '../i18n';
import { formatColumnList } from '../../viz/format';

/** Under a matrix or strip that draws only every k-th column: which columns those are, and that any can still be read. */
export function SampleNote(props: { layout: HeatmapLayout }) {
  const { t, lang } = useI18n();
  const { layout } = props;
  if (layout.step === 1) return null;
  const { first, last } = shownColumns(layout);
  const shown = formatColumnList(first, last, lang);
  return (
    <p className="figure-note sample-note" data-testid="sample-note">
      {t('sampledColumns', { k: layout.step, n: layout.cols, shown })}
    </p>
  );
}
