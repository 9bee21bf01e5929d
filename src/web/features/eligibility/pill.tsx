import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A status badge that stays readable: the colour is the light tint behind dark text (white on
 * Mantine's green or yellow fails the 4.5:1 contrast WCAG AA asks for). Used by all public pages.
 */
export function Pill({
  color = 'gray',
  children,
  ...props
}: { color?: string; children: ReactNode } & BadgeProps) {
  return (
    <Badge
      variant="light"
      color={color}
      c="dark.8"
      style={{ textTransform: 'none', flexShrink: 0 }}
      {...props}
    >
      {children}
    </Badge>
  );
}
