import { arrowPoints, flowNodeForStage, layoutFlow, type FlowNodeId } from '../../../viz/flow';
import type { Stage, StageKind } from '../../../viz/stages';
import { type UiStrings, useI18n } from '../../i18n';

const NAMES: Record<FlowNodeId, keyof UiStrings> = {
  text: 'flowText',
  tokens: 'flowTokens',
  vectors: 'flowVectors',
  attention: 'flowAttention',
  mlp: 'flowMlp',
  lastVector: 'flowLastVector',
  logits: 'flowLogits',
  probs: 'flowProbs',
};

/** A box's "via" line, with W_e's e and the like set as subscripts. */
function Via(props: { text: string; x: number; y: number }) {
  // 'W_e + W_p' -> ['W', 'e', ' + W', 'p', '']: odd pieces are subscripts.
  const pieces = props.text.split(/_([A-Za-z])/);
  return (
    <text className="flow-via" x={props.x} y={props.y} textAnchor="middle">
      {pieces.map((piece, i) =>
        i % 2 === 1 ? (
          <tspan key={i} className="flow-sub" dy={4}>
            {piece}
          </tspan>
        ) : (
          <tspan key={i} dy={i === 0 ? 0 : -4}>
            {piece}
          </tspan>
        ),
      )}
    </text>
  );
}

/** Chapter 2: the whole pipeline; each box is a button that takes the stepper to its stage. */
export function FlowFigure(props: { width: number; nLayer: number; current: Stage | null; onGo: (kind: StageKind) => void }) {
  const f = layoutFlow(Math.min(props.width, 900));
  const { ui, t } = useI18n();
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
        <text className="flow-loop-label" x={f.loop.x + f.loop.w - 6} y={f.loop.y + 14} textAnchor="end">
          {t('flowLoop', { n: props.nLayer })}
        </text>
        {f.arrows.map((a, i) => (
          <polyline key={i} className="flow-line" points={arrowPoints(a.points)} markerEnd="url(#flow-arrow)" />
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
              <text x={n.w / 2} y={n.via ? n.h / 2 - 8 : n.h / 2} dy="0.35em" textAnchor="middle" className="flow-name">
                {ui[NAMES[n.id]]}
              </text>
              {n.via && <Via text={n.via} x={n.w / 2} y={n.h / 2 + 14} />}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
