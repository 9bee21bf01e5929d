import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Latin text in the system UI font, Chinese in the system's CJK sans (Noto Sans CJK on Linux,
 * PingFang on Apple, Microsoft YaHei on Windows): no web font to download.
 */
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Light badges, alerts and buttons keep their tinted background but take the colour's darkest shade
 * for text: Mantine's default (shade 6 on shade 0) falls short of WCAG AA's 4.5:1 for small text.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  return {
    ...colors,
    color: `var(--mantine-color-${parsed.color}-9)`,
    hoverColor: `var(--mantine-color-${parsed.color}-9)`,
  };
};

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: { light: 9, dark: 6 },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  // Focus rings on keyboard navigation only (usable by keyboard, not noisy for mouse users).
  focusRing: 'auto',
  variantColorResolver,
});

/**
 * Secondary ("dimmed") text and field errors darker than Mantine's defaults (gray.6 and red.6 are
 * 3.3:1 and 3.6:1 on white; WCAG AA asks 4.5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
