// The fan of chapter 1 and the stepper's last stages: the last vector as a dot on the left, a line from it to
// each of the top tokens, their labels, and their values as bars.

export const FAN_ROW = 24;
/** The most characters of a token's label the label column shows. */
export const FAN_LABEL_CHARS = 14;

export interface FanRow {
  index: number; // vocabulary id
  value: number;
  y: number; // the row's top
  mid: number; // the row's centre line: its fan line ends there and its texts sit on it
  barY: number;
  barW: number;
  valueX: number; // where the value's text starts, just past the bar
}

export interface LogitFanLayout {
  width: number;
  height: number;
  source: { x: number; y: number; r: number };
  lineX1: number; // the fan lines start at the source dot's right edge...
  lineX2: number; // ...and end where the labels begin
  labelX: number; // the labels' right edge
  barX: number;
  barH: number;
  rows: FanRow[];
}

/** The top tokens (largest first) as rows of a fan `width` pixels wide; bars are scaled to the largest magnitude. */
export function logitFanLayout(top: readonly { index: number; value: number }[], width: number): LogitFanLayout {
  const fanW = Math.min(90, width * 0.2);
  const labelW = Math.min(110, width * 0.3);
  const barMax = Math.max(40, width - fanW - labelW - 70);
  const maxAbs = Math.max(...top.map((d) => Math.abs(d.value)), 1e-9);
  const height = top.length * FAN_ROW + 8;
  const barX = fanW + labelW;
  const rows = top.map(({ index, value }, i) => {
    const y = i * FAN_ROW + 4;
    const barW = Math.max(1, (Math.abs(value) / maxAbs) * barMax);
    return { index, value, y, mid: y + FAN_ROW / 2, barY: y + 4, barW, valueX: barX + barW + 6 };
  });
  const source = { x: 10, y: height / 2, r: 7 };
  return { width, height, source, lineX1: source.x + source.r, lineX2: fanW, labelX: barX - 6, barX, barH: FAN_ROW - 8, rows };
}
