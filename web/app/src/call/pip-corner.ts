import type { Corner } from '../config';

/** Where a dragged picture-in-picture settles: the corner nearest to its centre. */
export function nearestCorner(centreX: number, centreY: number, stageWidth: number, stageHeight: number): Corner {
  const vertical = centreY < stageHeight / 2 ? 'top' : 'bottom';
  const horizontal = centreX < stageWidth / 2 ? 'left' : 'right';
  return `${vertical}-${horizontal}`;
}
