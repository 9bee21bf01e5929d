import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * Links to an order's page. The router's helpers build the /app routes without their path types, so
 * these navigate by href (a real link: opens in a new tab with a modifier key, works without script).
 */
export function orderHref(reference: string, edit = false): string {
  return `/app/orders/${encodeURIComponent(reference)}${edit ? '/edit' : ''}`;
}

function useHrefClick(href: string) {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    void navigate({ href });
  };
}

export function OrderLink({
  reference,
  children,
  ...props
}: AnchorProps & { reference: string; children: ReactNode }) {
  const href = orderHref(reference);
  const onClick = useHrefClick(href);
  return (
    <Anchor href={href} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}

export function OrderButton({
  reference,
  children,
  ...props
}: ButtonProps & { reference: string; children: ReactNode }) {
  const href = orderHref(reference);
  const onClick = useHrefClick(href);
  return (
    <Button component="a" href={href} onClick={onClick} {...props}>
      {children}
    </Button>
  );
}
