import { useMemo } from 'react';
import { parameterCounts } from '../../core/checkpoint';
import {
  countParameters,
  GPT2_LARGE,
  GPT2_MEDIUM,
  GPT2_SMALL,
  GPT2_XL,
  GPT3_175B,
  GPT3_175B_UNTIED,
  groupCheckpointCounts,
  paramConfigFromModel,
  type ParamConfig,
  type ParamGroupKey,
} from '../../core/param-count';
import {
  FAMILY_COLOUR,
  FAMILY_OF,
  formatApprox,
  formatColumnCount,
  formatCount,
  formatShare,
  layoutParamBar,
} from '../../viz/output/params';
import { type UiStrings, useI18n } from '../i18n';
import { useModel } from '../model/ModelContext';
import { useUrlParam } from '../state/url';
import { EmbeddingShare, LessonTally } from './LessonTally';
import { SideScroll } from '../SideScroll';

const CHOICES: { key: string; config: ParamConfig | null }[] = [
  { key: 'ours', config: null },
  { key: 'gpt2', config: GPT2_SMALL },
  { key: 'gpt2-medium', config: GPT2_MEDIUM },
  { key: 'gpt2-large', config: GPT2_LARGE },
  { key: 'gpt2-xl', config: GPT2_XL },
  { key: 'gpt3', config: GPT3_175B_UNTIED },
  { key: 'gpt3-tied', config: GPT3_175B },
];

const NAME_KEY: Partial<Record<string, keyof UiStrings>> = {
  ours: 'outParamsOurs',
  gpt3: 'outParamsGpt3Lesson',
  'gpt3-tied': 'outParamsGpt3Tied',
};

const GROUP_LABEL: Record<ParamGroupKey, keyof UiStrings> = {
  tokenEmbedding: 'paramTokenEmbedding',
  positionEmbedding: 'paramPositionEmbedding',
  attnQ: 'paramAttnQ',
  attnK: 'paramAttnK',
  attnV: 'paramAttnV',
  attnO: 'paramAttnO',
  attnBiases: 'paramAttnBiases',
  mlpUp: 'paramMlpUp',
  mlpDown: 'paramMlpDown',
  mlpBiases: 'paramMlpBiases',
  layerNorms: 'paramLayerNorms',
  finalLayerNorm: 'paramFinalLayerNorm',
  unembedding: 'paramUnembedding',
};

const parseChoice = (raw: string | null) => (CHOICES.some((c) => c.key === raw) ? (raw as string) : 'ours');
const serializeChoice = (key: string) => (key === 'ours' ? null : key);

/** Where the parameters are, for our model (from its checkpoint's tensors) or a published one. */
export function ParameterCounter() {
  const { ui, lang, t, labelled } = useI18n();
  const running = useModel();
  const { model } = running;
  const [choice, setChoice] = useUrlParam('out.params', parseChoice, serializeChoice, 'replace');
  const config = CHOICES.find((c) => c.key === choice)?.config ?? paramConfigFromModel(model.config, 'ours');
  const counted = useMemo(
    () => (choice === 'ours' ? groupCheckpointCounts(parameterCounts(model), model.config.nLayer) : countParameters(config)),
    [choice, model, config],
  );
  const segments = layoutParamBar(counted.groups, counted.total);
  const nHead = config.nHead ?? model.config.nHead;
  const name = (key: string) => {
    if (key === 'ours' && !running.isDefault) return t('outParamsOpen', { name: t('quoted', { text: running.name }) });
    const label = NAME_KEY[key];
    return label ? String(ui[label]) : CHOICES.find((c) => c.key === key)!.config!.name;
  };
  return (
    <section className="output-figure parameter-counter" aria-label={ui.outParamsTitle}>
      <h3>{ui.outParamsTitle}</h3>
      <label className="inline-field">
        <span>{ui.outParamsModel}</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="params-model">
          {CHOICES.map((c) => (
            <option key={c.key} value={c.key}>
              {name(c.key)}
            </option>
          ))}
        </select>
      </label>
      <p className="caption">
        {t('outParamsConfig', { V: config.vocabSize, T: config.nPositions, C: config.nEmbd, L: config.nLayer, NH: nHead })}
      </p>
      <p className="params-total" data-testid="params-total">
        {t('outParamsTotal', { n: formatCount(counted.total, lang), approx: formatApprox(counted.total, lang) })}
      </p>
      <svg className="params-bar" viewBox="0 0 1000 28" preserveAspectRatio="none" role="img" aria-label={ui.outParamsTitle}>
        {segments.map((s) => (
          <rect
            key={s.key}
            x={s.x * 1000}
            y={0}
            width={Math.max(0.5, s.width * 1000)}
            height={28}
            fill={FAMILY_COLOUR[s.family]}
            stroke="#fff"
            strokeWidth={s.width > 0.01 ? 1 : 0}
          >
            <title>{labelled(ui[GROUP_LABEL[s.key]], formatShare(s.share))}</title>
          </rect>
        ))}
      </svg>
      <p className="muted small">{config.tied ? ui.outParamsTied : ui.outParamsUntied}</p>
      {choice === 'ours' && running.isDefault && <EmbeddingShare groups={counted.groups} total={counted.total} />}
      {(choice === 'gpt3' || choice === 'gpt3-tied') && <LessonTally />}
      <SideScroll>
        <table className="output-table params-table" data-testid="params-table">
          <thead>
            <tr>
              <th scope="col">{ui.outParamsGroup}</th>
              <th scope="col">{ui.outParamsCount}</th>
              <th scope="col">{ui.outParamsShare}</th>
            </tr>
          </thead>
          <tbody>
            {counted.groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">
                  <span className="swatch" style={{ background: FAMILY_COLOUR[FAMILY_OF[g.key]] }} />
                  {ui[GROUP_LABEL[g.key]]}
                </th>
                <td className="num">
                  {formatColumnCount(g.count, lang)}
                  {g.perLayer && (
                    <span className="muted small block">{t('outParamsPerLayer', { n: formatCount(g.each, lang), L: config.nLayer })}</span>
                  )}
                </td>
                <td className="num">{formatShare(g.count / counted.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
    </section>
  );
}
