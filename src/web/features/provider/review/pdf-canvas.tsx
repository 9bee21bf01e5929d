import { ActionIcon, Alert, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clampPage, PDF_FIT_STEP, PDF_ZOOM_STEPS } from './pdf-pages.ts';
import classes from './review.module.css';
import { ZoomControls } from './zoom-controls.tsx';

/**
 * A PDF drawn with PDF.js onto a canvas, one page at a time, with page navigation and zoom. This file
 * is loaded on demand by the document viewer, so PDF.js and its worker (a same-origin script, as the
 * CSP's script-src 'self' allows) reach only reviewers who open a PDF. The file is fetched once, like
 * an image of the viewer, and so each view is one audited read.
 */

GlobalWorkerOptions.workerSrc = workerUrl;

type LoadState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; pdf: PDFDocumentProxy };

export default function PdfCanvas({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation('provider');
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [page, setPage] = useState(1);
  const [step, setStep] = useState(PDF_FIT_STEP);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewportRef = useRef<HTMLElement>(null);
  const zoom = PDF_ZOOM_STEPS[step] ?? 1;

  useEffect(() => {
    let isCancelled = false;
    let loaded: PDFDocumentProxy | undefined;
    setState({ status: 'loading' });
    setPage(1);
    (async () => {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = new Uint8Array(await response.arrayBuffer());
      loaded = await getDocument({ data, isEvalSupported: false }).promise;
      if (isCancelled) await loaded.destroy();
      else setState({ status: 'ready', pdf: loaded });
    })().catch(() => {
      if (!isCancelled) setState({ status: 'failed' });
    });
    return () => {
      isCancelled = true;
      void loaded?.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (state.status !== 'ready') return;
    const canvas = canvasRef.current;
    const container = viewportRef.current;
    if (!canvas || !container) return;
    let task: RenderTask | undefined;
    let isCancelled = false;
    void state.pdf.getPage(page).then((pdfPage) => {
      if (isCancelled) return;
      // "100 %" fits the page to the viewer's width; the other steps scale from there.
      const natural = pdfPage.getViewport({ scale: 1 });
      const fit = Math.max(container.clientWidth - 2, 200) / natural.width;
      const viewport = pdfPage.getViewport({ scale: fit * zoom });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      task = pdfPage.render({
        canvas,
        viewport,
        ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
      });
      task.promise.catch(() => undefined);
    });
    return () => {
      isCancelled = true;
      task?.cancel();
    };
  }, [state, page, zoom]);

  if (state.status === 'loading') return <Loader size="sm" aria-label={t('documents.pdfLoading')} />;
  if (state.status === 'failed') {
    return (
      <Alert color="red" variant="light">
        {t('documents.pdfFailed')}
      </Alert>
    );
  }
  const pageCount = state.pdf.numPages;
  return (
    <Stack gap="xs">
      <Group gap={4} justify="space-between" wrap="wrap">
        <Group gap={4}>
          <Tooltip label={t('documents.previousPage')}>
            <ActionIcon
              variant="default"
              aria-label={t('documents.previousPage')}
              disabled={page <= 1}
              onClick={() => setPage((p) => clampPage(p, -1, pageCount))}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Text size="sm" aria-live="polite" miw={72} ta="center">
            {t('documents.pageOf', { page, count: pageCount })}
          </Text>
          <Tooltip label={t('documents.nextPage')}>
            <ActionIcon
              variant="default"
              aria-label={t('documents.nextPage')}
              disabled={page >= pageCount}
              onClick={() => setPage((p) => clampPage(p, 1, pageCount))}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        <ZoomControls steps={PDF_ZOOM_STEPS} step={step} onStep={setStep} resetStep={PDF_FIT_STEP} />
      </Group>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the zoomed page scrolls; the keyboard must reach it. */}
      <section ref={viewportRef} className={classes.viewport} tabIndex={0} aria-label={label}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t('documents.pdfPage', { name: label, page, count: pageCount })}
          data-pdf-page={page}
        />
      </section>
    </Stack>
  );
}
