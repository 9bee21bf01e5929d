import { VisuallyHidden } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';

/** How long a page that renders its heading after its data may take before <main> gets the focus. */
const HEADING_WAIT_MS = 2_000;

/** The new page's main heading, once it is rendered. */
function waitForHeading(main: HTMLElement, signal: AbortSignal): Promise<HTMLElement | null> {
  const find = () => main.querySelector<HTMLElement>('h1');
  return new Promise((resolve) => {
    const found = find();
    if (found) {
      resolve(found);
      return;
    }
    const observer = new MutationObserver(() => {
      const heading = find();
      if (heading) finish(heading);
    });
    const timer = window.setTimeout(() => finish(null), HEADING_WAIT_MS);
    function finish(heading: HTMLElement | null) {
      observer.disconnect();
      window.clearTimeout(timer);
      resolve(heading);
    }
    signal.addEventListener('abort', () => finish(null));
    observer.observe(main, { childList: true, subtree: true });
  });
}

/**
 * After a navigation to another page (not a change of the query or the hash, which pages use for
 * their own state), keyboard and screen-reader users are taken to the new page: the focus moves to
 * its h1 (or to <main>), and the heading is announced. A page that focused a field of its own on
 * mount (the sign-in form) keeps that focus; the first load of the app is left to the browser.
 */
export function RouteFocus() {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    let focusedBefore: Element | null = null;
    let pending: AbortController | undefined;
    const stopBefore = router.subscribe('onBeforeNavigate', (event) => {
      if (event.pathChanged) focusedBefore = document.activeElement;
    });
    const stopResolved = router.subscribe('onResolved', (event) => {
      if (!event.fromLocation || !event.pathChanged) return;
      pending?.abort();
      const controller = new AbortController();
      pending = controller;
      const main = document.getElementById('main');
      if (!main) return;
      void waitForHeading(main, controller.signal).then((heading) => {
        if (controller.signal.aborted) return;
        const active = document.activeElement;
        // The new page put the focus somewhere itself (an autofocused field): leave it there.
        const pageChoseFocus =
          active !== null && active !== main && active !== focusedBefore && main.contains(active);
        if (!pageChoseFocus) {
          const target = heading ?? main;
          if (target !== main && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
          target.focus({ preventScroll: true });
        }
        // Cleared first, so that two pages with the same title in a row are both announced.
        setAnnouncement('');
        const text = heading?.textContent?.trim() || document.title;
        window.setTimeout(() => {
          if (!controller.signal.aborted) setAnnouncement(text);
        }, 50);
      });
    });
    return () => {
      stopBefore();
      stopResolved();
      pending?.abort();
    };
  }, [router]);

  return (
    <VisuallyHidden aria-live="polite" aria-atomic="true" data-testid="route-announcer">
      {announcement}
    </VisuallyHidden>
  );
}
