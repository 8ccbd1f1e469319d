import { useMemo } from 'react';
import { useI18n } from '../i18n';
import type { Stage } from '../../viz/stages';
import { STAGE_MAP_HEIGHT, labelEvery, layoutStageMap, sectionLabel, tickAt, tickBar } from '../../viz/stageMap';
import { useWidth } from './useWidth';

/** Where the reader is in the whole pass: one tick per stage, layers side by side. The range input below is its keyboard twin. */
export function StageMapBar(props: { stages: readonly Stage[]; step: number; onStep: (step: number) => void }) {
  const { t } = useI18n();
  const [ref, width] = useWidth<HTMLDivElement>(600);
  const map = useMemo(() => layoutStageMap(props.stages, Math.max(width, 100)), [props.stages, width]);
  const every = labelEvery(map);
  return (
    <div ref={ref} className="stage-map" aria-hidden="true" data-testid="stage-map">
      <svg
        width={Math.max(width, 100)}
        height={STAGE_MAP_HEIGHT}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const hit = tickAt(map, e.clientX - box.left);
          if (hit !== null) props.onStep(hit);
        }}
      >
        {map.ticks.map((tick) => (
          <rect
            key={tick.index}
            {...tickBar(tick, tick.index === props.step)}
            className={`tick ${tick.group}${tick.index < props.step ? ' done' : tick.index === props.step ? ' current' : ''}`}
          />
        ))}
        {map.sections.map((s, i) => {
          if (s.layer === null || (s.layer + 1) % every !== 0) return null;
          const at = sectionLabel(s);
          return (
            <text key={i} x={at.x} y={at.y} textAnchor="middle" className="section-label">
              {at.long ? t('layerN', { l: s.layer + 1 }) : `${s.layer + 1}`}
            </text>
          );
        })}
      </svg>
    </div>
  );
}
