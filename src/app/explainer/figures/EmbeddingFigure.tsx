import { useMemo, useState } from 'react';
import type { Trace } from '../../../core/trace';
import { row, type Tensor } from '../../../core/tensor';
import { useI18n } from '../../i18n';
import { divergingColor, robustMaxAbs } from '../../../viz/colors';
import { cosine, dot, norm } from '../../../core/vec';
import { tex, texTerm } from '../../../viz/format';
import { VectorStrip } from './VectorStrip';
import { Tex } from '../Tex';
import { SideScroll } from '../../SideScroll';
import { EmbeddingMatrix } from './VocabMatrix';
import { WeBeforeAfter } from '../../lab/WeBeforeAfter';
import { FigureBoundary } from '../../FigureBoundary';
import { ByteNote } from '../../ByteNote';

/** Chapter 4: the selected token's row of W_e, its position vector, their sum, and a dot product between two tokens. */
export function EmbeddingFigure(props: {
  trace: Trace;
  wte: Tensor;
  labels: readonly string[];
  labelOf: (id: number) => string;
  tok: number;
  width: number;
  onOpenLab: () => void;
}) {
  const { trace, tok, labels } = props;
  const { ui, t, labelled } = useI18n();
  const [otherRaw, setOther] = useState(-1);
  const T = labels.length;
  const ids = useMemo(() => Array.from(trace.ids), [trace]);
  const other = otherRaw >= 0 && otherRaw < T && otherRaw !== tok ? otherRaw : tok > 0 ? tok - 1 : Math.min(1, T - 1);
  // Row views are new objects each time: memoized so the strips do not re-lay out on every render.
  const e = useMemo(() => row(trace.tokEmb, tok), [trace, tok]);
  const p = useMemo(() => row(trace.posEmb, tok), [trace, tok]);
  const x = useMemo(() => row(trace.x0, tok), [trace, tok]);
  const color = useMemo(() => divergingColor(robustMaxAbs(trace.x0.data)), [trace]);
  const name = labelled(String(tok), labels[tok]);
  const channel = (c: number) => t('channelN', { i: c });
  const b = useMemo(() => row(trace.tokEmb, other), [trace, other]);
  const d = dot(e, b);
  const cos = cosine(e, b);
  const angle = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
  // Both readings of the dot product, the algebraic sum and the geometric angle, end at the same number.
  // Plain numbers are multiplied with ×: in a formula about the dot product, a · between them would read as one.
  // The sum's terms get a line of their own: with two negative factors in each, they would push a desktop column wide.
  const formula = [
    `\\vec a \\cdot \\vec b &= \\textstyle\\sum_i a_i b_i`,
    `&= ${texTerm(e[0])}\\times${texTerm(b[0])} + ${texTerm(e[1])}\\times${texTerm(b[1])} + \\cdots`,
    `&= ${tex(d)}`,
    `&= |\\vec a|\\,|\\vec b|\\cos\\theta = ${tex(norm(e))} \\times ${tex(norm(b))} \\times ${texTerm(cos)}`,
    `\\theta &= ${angle.toFixed(1)}^\\circ`,
  ].join(' \\\\ ');
  return (
    <figure className="figure embedding-figure">
      <SideScroll>
        <Tex
          tex={`e_{${tok}} = W_e[\\,${trace.ids[tok]},\\,:\\,] = \\texttt{wte}[${trace.ids[tok]}] \\in \\mathbb{R}^{${e.length}}`}
          display
          testId="lookup-formula"
        />
      </SideScroll>
      <EmbeddingMatrix wte={props.wte} ids={ids} selectedId={ids[tok]} labelOf={props.labelOf} width={props.width} testId="we-matrix" />
      <VectorStrip
        vector={e}
        color={color}
        width={props.width}
        rowLabel={labels[tok]}
        caption={`${ui.tokenVector} · ${t('tokenIdN', { i: String(trace.ids[tok]) })}`}
        describe={channel}
        testId="strip-tok"
      />
      <p className="strip-op">+</p>
      <VectorStrip
        vector={p}
        color={color}
        width={props.width}
        rowLabel={`#${tok}`}
        caption={`${ui.positionVector} · ${t('tokenN', { i: String(tok) })}`}
        describe={channel}
      />
      <p className="strip-op">=</p>
      <VectorStrip vector={x} color={color} width={props.width} rowLabel={labels[tok]} caption={ui.sumVector} describe={channel} />
      <div className="dot-example">
        <p className="figure-caption">
          <strong>{ui.dotExample}</strong>
        </p>
        <p className="dot-pick">
          <Tex tex={'\\vec a'} /> <span className="token-chip">{name}</span> · <Tex tex={'\\vec b'} />{' '}
          <label>
            {ui.otherToken}{' '}
            <select value={other} onChange={(ev) => setOther(Number(ev.target.value))} aria-label={ui.otherToken} className="token-options">
              {labels.map((label, i) => (
                <option key={i} value={i}>
                  {labelled(String(i), label)}
                </option>
              ))}
            </select>
          </label>
        </p>
        <SideScroll>
          <Tex tex={`\\begin{aligned} ${formula} \\end{aligned}`} display testId="dot-formula" />
        </SideScroll>
      </div>
      <FigureBoundary id="embedding-before-training" resetKey="">
        <WeBeforeAfter />
      </FigureBoundary>
      <button type="button" className="lab-link" onClick={props.onOpenLab} data-testid="open-lab">
        {ui.embeddingLabLink} →
      </button>
      <ByteNote labels={props.labels} />
    </figure>
  );
}
