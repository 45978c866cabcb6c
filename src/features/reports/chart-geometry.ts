/**
 * The geometry of a small line chart: values to SVG coordinates. Display only: floats here never
 * touch money (the numbers shown beside the chart come from the integer series).
 */
export type ChartBox = { readonly width: number; readonly height: number; readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };

export const CHART_BOX: ChartBox = { width: 320, height: 170, top: 16, bottom: 24, left: 8, right: 8 };

/** A scale ceiling a little above the largest value, so the top line is not glued to the frame. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

export function linePoints(values: readonly number[], ceiling: number, box: ChartBox = CHART_BOX): string {
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const stepX = values.length > 1 ? plotWidth / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = box.left + index * stepX;
      const y = box.top + plotHeight - (Math.max(0, value) / ceiling) * plotHeight;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function xOf(index: number, count: number, box: ChartBox = CHART_BOX): number {
  const plotWidth = box.width - box.left - box.right;
  return box.left + (count > 1 ? (index * plotWidth) / (count - 1) : 0);
}
