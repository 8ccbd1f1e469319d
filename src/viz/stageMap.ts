import type { FlowGroup, Stage } from './stages';

// The stepper's map of the whole pass: one tick per stage, grouped into the embedding, each layer and the output.

export interface StageTick {
  index: number;
  x: number;
  w: number;
  group: FlowGroup;
}

export interface StageSection {
  layer: number | null; // null for the stages before the first block and after the last
  x: number;
  w: number;
}

export interface StageMap {
  ticks: StageTick[];
  sections: StageSection[];
}

const sectionKey = (s: Stage, last: number) => (s.layer === null ? (s.index < last ? 'before' : 'after') : `layer${s.layer}`);

/**
 * Ticks of equal width across `width`, with a `gap` between sections. The gaps take at most half the
 * width, and a tick may be narrower than a pixel: gpt2-medium's 367 stages fit a phone as one bar per layer.
 */
export function layoutStageMap(stages: readonly Stage[], width: number, gap = 6): StageMap {
  const lastBlockStage = stages.findLastIndex((s) => s.layer !== null);
  const keys = stages.map((s) => sectionKey(s, lastBlockStage));
  const nSections = new Set(keys).size;
  const sectionGap = nSections > 1 ? Math.min(gap, width / 2 / (nSections - 1)) : gap;
  const w = (width - sectionGap * (nSections - 1)) / stages.length;
  const ticks: StageTick[] = [];
  const sections: StageSection[] = [];
  let x = 0;
  stages.forEach((s, i) => {
    if (i > 0 && keys[i] !== keys[i - 1]) x += sectionGap;
    if (i === 0 || keys[i] !== keys[i - 1]) sections.push({ layer: s.layer, x, w: 0 });
    ticks.push({ index: s.index, x, w, group: s.group });
    x += w;
    const section = sections[sections.length - 1];
    section.w = x - section.x;
  });
  return { ticks, sections };
}

/** The tick under a horizontal position (for clicks), or null in a gap or outside. */
export function tickAt(map: StageMap, x: number): number | null {
  const hit = map.ticks.find((t) => x >= t.x && x < t.x + t.w);
  return hit ? hit.index : null;
}

/** The map's height: the current tick's 18px, and the layer names under the ticks. */
export const STAGE_MAP_HEIGHT = 34;

/** A tick's bar, 1px short of the next one; the current stage's stands taller. */
export function tickBar(tick: StageTick, current: boolean): { x: number; y: number; width: number; height: number } {
  return { x: tick.x + 0.5, y: current ? 0 : 4, width: Math.max(tick.w - 1, 1), height: current ? 18 : 10 };
}

/** The room a layer's number needs under the ticks: two digits at 11px and a space either side. */
const NUMBER_LABEL_W = 20;

/**
 * Which layers are named under the ticks: every one when their numbers fit, otherwise every k-th (k = 2,
 * 5, 10, …), counted from 1 as the labels are, so that 24 layers on a phone read 2, 4, …, 24.
 */
export function labelEvery(map: StageMap): number {
  const layers = map.sections.filter((s) => s.layer !== null);
  if (layers.length < 2) return 1;
  const pitch = layers[1].x - layers[0].x;
  for (const k of [1, 2, 5, 10, 20, 50]) if (k * pitch >= NUMBER_LABEL_W) return k;
  return 100;
}

/** Where a layer's name goes, centred under its ticks; `long` when "Layer 12" fits, else the number stands alone. */
export function sectionLabel(section: StageSection): { x: number; y: number; long: boolean } {
  return { x: section.x + section.w / 2, y: 30, long: section.w > 56 };
}
