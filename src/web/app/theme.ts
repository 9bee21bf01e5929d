import { createTheme } from '@mantine/core';

/**
 * Latin text in the system UI font, Chinese in the system's CJK sans (Noto Sans CJK on Linux,
 * PingFang on Apple, Microsoft YaHei on Windows): no web font to download.
 */
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: { light: 8, dark: 6 },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  // Focus rings on keyboard navigation only (usable by keyboard, not noisy for mouse users).
  focusRing: 'auto',
});
