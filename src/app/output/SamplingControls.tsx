import { useI18n } from '../i18n';
import { problemText, type SamplingState } from './settings';

// A slider and a number field for each setting, both writing the same URL value. The slider covers
// the useful range; the field accepts anything, and validateSettings says what it made of it.

function Control(props: {
  id: string;
  label: string;
  help: string;
  typed: string;
  used: number | null;
  min: number;
  max: number;
  step: number;
  offAt: number; // the slider's position for the default (no change, or off): the field is emptied there
  offLabel: string;
  onChange: (v: string) => void;
}) {
  const sliderValue = props.used === null ? props.offAt : Math.min(props.max, Math.max(props.min, props.used));
  return (
    <div className="sampling-control">
      <label htmlFor={`${props.id}-field`}>{props.label}</label>
      <input
        type="range"
        aria-label={props.label}
        min={props.min}
        max={props.max}
        step={props.step}
        value={sliderValue}
        onChange={(e) => props.onChange(Number(e.target.value) === props.offAt ? '' : e.target.value)}
      />
      <input
        id={`${props.id}-field`}
        className="sampling-field"
        type="text"
        inputMode="decimal"
        value={props.typed}
        placeholder={props.offLabel}
        aria-describedby={`${props.id}-help`}
        onChange={(e) => props.onChange(e.target.value.trim())}
      />
      <span id={`${props.id}-help`} className="sampling-help">
        {props.help}
      </span>
    </div>
  );
}

/** The temperature's slider and field; chapter 9 and the generation panel each show one, over the same state. */
export function TemperatureControl(props: { id: string; help: string; sampling: SamplingState }) {
  const { sampling } = props;
  const { ui } = useI18n();
  return (
    <Control
      id={props.id}
      label={ui.temperature}
      help={props.help}
      typed={sampling.typed.temperature}
      used={sampling.settings.temperature}
      min={0}
      max={2}
      step={0.05}
      offAt={1}
      offLabel="1"
      onChange={sampling.setTemperature}
    />
  );
}

export function SamplingControls(props: { sampling: SamplingState }) {
  const { sampling } = props;
  const { ui, lang } = useI18n();
  const { settings, typed } = sampling;
  return (
    <div className="sampling-controls">
      <TemperatureControl id="out-temperature" help={ui.outTemperatureHelp} sampling={sampling} />
      <Control
        id="out-topk"
        label={ui.topK}
        help={ui.outTopKHelp}
        typed={typed.topK}
        used={settings.topK}
        min={0}
        max={50}
        step={1}
        offAt={0}
        offLabel={ui.outOff}
        onChange={sampling.setTopK}
      />
      <Control
        id="out-topp"
        label={ui.topP}
        help={ui.outTopPHelp}
        typed={typed.topP}
        used={settings.topP}
        min={0.05}
        max={1}
        step={0.05}
        offAt={1}
        offLabel={ui.outOff}
        onChange={sampling.setTopP}
      />
      {sampling.problems.length > 0 && (
        <ul className="notice warn sampling-problems" role="status">
          {sampling.problems.map((p) => (
            <li key={p.code}>{problemText(p, ui, lang)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
