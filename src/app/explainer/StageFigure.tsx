import { useMemo } from 'react';
import type { Trace } from '../../core/trace';
import { row, slice0 } from '../../core/tensor';
import { useI18n } from '../i18n';
import type { Stage } from '../../viz/stages';
import type { Focus } from '../../viz/substitute';
import { isProbabilityKind } from '../../viz/heatmap';
import { divergingColor, robustMaxAbs, sequentialColor } from '../../viz/colors';
import { hasKeyColumns, stageMatrixLayout } from '../../viz/stageFigure';
import { stagePlane } from '../../viz/focus';
import { Heatmap, type EnterMotion } from './Heatmap';
import { SampleNote } from './SampleNote';
import { TokenChips } from './figures/TokenChips';
import { LogitFan } from './figures/LogitFan';
import { AttentionLines } from './figures/AttentionLines';
import { SideScroll } from '../SideScroll';

const ENTER: Partial<Record<Stage['kind'], EnterMotion>> = { tokEmb: 'fromAbove', posEmb: 'fromLeft' };

interface Props {
  stage: Stage;
  trace: Trace;
  labels: readonly string[]; // each position's token, as tokenLabel shows it
  labelOf: (id: number) => string; // any vocabulary id's label
  head: number;
  tok: number;
  focus: Focus;
  width: number;
  onHover: (focus: Focus | null) => void;
  onPick: (focus: Focus) => void;
}

/** The picture for one stage of the forward pass, drawn from that stage's own tensor. */
export function StageFigure(props: Props) {
  const { stage } = props;
  const { ui } = useI18n();
  const label = ui[stage.label];
  if (stage.kind === 'tokens') {
    return (
      <TokenChips
        labels={props.labels}
        ids={props.trace.ids}
        width={props.width}
        selected={props.tok}
        label={label}
        onHover={(r) => props.onHover(r === null ? null : { row: r, col: 0 })}
        onPick={(r) => props.onPick({ row: r, col: 0 })}
      />
    );
  }
  if (stage.kind === 'logits' || stage.kind === 'probs') return <FanFigure {...props} kind={stage.kind} />;
  return <MatrixFigure {...props} />;
}

/** The last position's logits or probabilities; the row view is memoized so hovering a bar does not regrow the fan. */
function FanFigure(props: Props & { kind: 'logits' | 'probs' }) {
  const { ui } = useI18n();
  const { stage, trace } = props;
  const values = useMemo(() => {
    const tensor = stage.tensor(trace);
    return row(tensor, tensor.shape[0] - 1);
  }, [stage, trace]);
  const last = stage.tensor(trace).shape[0] - 1;
  return (
    <>
      <p className="figure-note">{ui.lastPosition}</p>
      <LogitFan
        values={values}
        kind={props.kind}
        labelOf={props.labelOf}
        width={Math.min(props.width, 640)}
        focusId={props.focus.col}
        onHover={(id) => props.onHover(id === null ? null : { row: last, col: id })}
        label={ui[stage.label]}
        alsoShown={props.labels}
      />
    </>
  );
}

function MatrixFigure(props: Props) {
  const { stage, trace } = props;
  const { ui } = useI18n();
  const plane = useMemo(() => stagePlane(stage, trace, props.head), [stage, trace, props.head]);
  const [rows] = plane.shape;
  const prob = isProbabilityKind(stage.kind);
  const color = useMemo(() => (prob ? sequentialColor(1) : divergingColor(robustMaxAbs(plane.data))), [prob, plane]);
  const { layout } = useMemo(() => stageMatrixLayout(plane, stage.kind, props.width), [plane, stage.kind, props.width]);
  const headWeights = useMemo(
    () => (stage.kind === 'weights' ? slice0(stage.tensor(trace), props.head).data : null),
    [stage, trace, props.head],
  );
  const toFocus = (cell: { r: number; c: number }): Focus => ({ row: cell.r, col: cell.c });
  return (
    <>
      <p className="figure-note">
        <span className={prob ? 'legend prob' : 'legend signed'} aria-hidden="true" /> {prob ? ui.colorProb : ui.colorSigned}
        {stage.kind === 'masked' && (
          <>
            {' · '}
            <span className="legend masked" aria-hidden="true" /> {ui.colorMasked}
          </>
        )}
      </p>
      <SampleNote layout={layout} />
      <SideScroll>
        <Heatmap
          // Position vectors slide in from the left as a new matrix; other stages recolour the one on screen.
          key={stage.kind === 'posEmb' ? 'posEmb' : 'matrix'}
          layout={layout}
          color={color}
          rowLabels={props.labels}
          colLabels={hasKeyColumns(stage.kind) ? props.labels : undefined}
          selectedRow={props.tok}
          focus={{ r: props.focus.row, c: props.focus.col }}
          onHover={(cell) => props.onHover(cell ? toFocus(cell) : null)}
          onPick={(cell) => props.onPick(toFocus(cell))}
          enter={ENTER[stage.kind] ?? 'fade'}
          label={ui[stage.label]}
          testId="stage-heatmap"
        />
      </SideScroll>
      {headWeights && (
        <AttentionLines
          weights={headWeights}
          T={rows}
          labels={props.labels}
          query={props.tok}
          width={props.width}
          label={ui.attentionLines}
          onPick={(r) => props.onPick({ row: r, col: props.focus.col })}
        />
      )}
    </>
  );
}
