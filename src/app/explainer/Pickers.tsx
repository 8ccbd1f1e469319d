import { useI18n } from '../i18n';
import { moveAmongChoices } from '../radioGroup';

/** Above this many buttons a picker's buttons narrow to one width, so that rows of them line up as they wrap. */
const MANY = 12;

/** A row of numbered toggle buttons (layers or heads), labelled for screen readers, that ← and → move along; a long row wraps. */
export function NumberPicker(props: {
  count: number;
  value: number;
  onChange: (i: number) => void;
  label: string;
  itemLabel: (i: number) => string;
  testId: string;
}) {
  return (
    <div
      className={props.count > MANY ? 'picker many' : 'picker'}
      role="group"
      aria-label={props.label}
      data-testid={props.testId}
      onKeyDown={(e) => moveAmongChoices(e, 'button')}
    >
      <span className="picker-label">{props.label}</span>
      {Array.from({ length: props.count }, (_, i) => (
        <button key={i} type="button" aria-pressed={i === props.value} aria-label={props.itemLabel(i)} onClick={() => props.onChange(i)}>
          {i + 1}
        </button>
      ))}
    </div>
  );
}

export function LayerPicker(props: { nLayer: number; layer: number; onChange: (l: number) => void }) {
  const { ui, t } = useI18n();
  return (
    <NumberPicker
      count={props.nLayer}
      value={props.layer}
      onChange={props.onChange}
      label={ui.layer}
      itemLabel={(i) => t('layerN', { l: i + 1 })}
      testId="layer-picker"
    />
  );
}

export function HeadPicker(props: { nHead: number; head: number; onChange: (h: number) => void }) {
  const { ui, t } = useI18n();
  return (
    <NumberPicker
      count={props.nHead}
      value={props.head}
      onChange={props.onChange}
      label={ui.head}
      itemLabel={(i) => t('headN', { h: i + 1 })}
      testId="head-picker"
    />
  );
}
