import { type FormEvent, useEffect, useState } from 'react';

/**
 * A search box bound to a URL parameter (`/registry?q=`, `/number?n=`): the box shows the URL's value
 * and follows it on back and forward; submitting trims the text and hands it on (undefined when
 * empty) for the page to navigate with.
 */
export function useQueryBox(current: string | undefined, go: (value: string | undefined) => void) {
  const [text, setText] = useState(current ?? '');
  useEffect(() => setText(current ?? ''), [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(text.trim() || undefined);
  };
  return { text, setText, submit };
}
