/** Orange and green light alerts: their own title shade is below 4.5:1 on the tint, so titles are dark. */
export const readableTitle = { title: { color: 'var(--mantine-color-dark-7)' } } as const;
