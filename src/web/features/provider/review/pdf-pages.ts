/** The PDF viewer's zoom steps (1 fits the page to the viewer's width) and page arithmetic. */

export const PDF_ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
export const PDF_FIT_STEP = PDF_ZOOM_STEPS.indexOf(1);

/** The page number after `delta` pages, kept within the document. */
export function clampPage(page: number, delta: number, pageCount: number): number {
  return Math.min(Math.max(1, page + delta), Math.max(1, pageCount));
}
