import { flowNodeForStage, layoutFlow, type FlowNodeId } from '../../../viz/flow';
import type { Stage, StageKind } from '../../../viz/stages';
import type { Lang, UiStrings } from '../../i18n';
import { t } from '../../i18n';

const NAMES: Record<FlowNodeId, keyof UiStrings> = {
  text: 'flowText',
  tokens: 'flowTokens',
  vectors: 'flowVectors',
  attention: 'flowAttention',
  mlp: 'flowMlp',
  lastVector: 'flowLastVector',
  probs: 'flowProbs',
};

/** Chapter 2: the whole pipeline; each box is a button that takes the stepper to its stage. */
export function FlowFigure(props: {
  width: number;
  nLayer: number;
  current: Stage | null;
  onGo: (kind: StageKind) => void;
  ui: UiStrings;
  lang: Lang;
}) {
  const f = layoutFlow(Math.min(props.width, 900));
  const { ui } = props;
  const here = props.current ? flowNodeForStage(props.current) : null;
  return (
    <figure className="figure flow">
      <figcaption>{ui.flowHint}</figcaption>
      <svg width={f.width} height={f.height + 8} role="group" aria-label={ui.flowDiagram} data-testid="flow-diagram">
        <defs>
          <marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="flow-arrowhead" />
          </marker>
        </defs>
        <rect className="flow-loop" x={f.loop.x} y={f.loop.y} width={f.loop.w} height={f.loop.h} rx={10} />
        <text
          className="flow-loop-label"
          x={f.vertical ? f.loop.x + f.loop.w - 4 : f.loop.x + f.loop.w - 6}
          y={f.vertical ? f.loop.y + f.loop.h / 2 : f.loop.y + 12}
          textAnchor="end"
          dy={f.vertical ? '0.35em' : 0}
        >
          {t(ui, 'flowLoop', props.lang, { n: props.nLayer })}
        </text>
        {f.arrows.map((a, i) => (
          <line
            key={i}
            className="flow-line"
            x1={a.x1}
            y1={a.y1}
            x2={a.x2 - (f.vertical ? 0 : 2)}
            y2={a.y2 - (f.vertical ? 2 : 0)}
            markerEnd="url(#flow-arrow)"
          />
        ))}
        {f.nodes.map((n) => {
          const active = n.id === here;
          return (
            <g
              key={n.id}
              className={active ? 'flow-node active' : 'flow-node'}
              transform={`translate(${n.x},${n.y})`}
              role="button"
              tabIndex={0}
              aria-label={ui[NAMES[n.id]]}
              data-testid={`flow-${n.id}`}
              onClick={() => props.onGo(n.stage)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onGo(n.stage);
                }
              }}
            >
              <rect width={n.w} height={n.h} rx={8} />
              <text x={n.w / 2} y={n.h / 2} dy="0.35em" textAnchor="middle">
                {ui[NAMES[n.id]]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
