import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  defaultVariantColorsResolver,
  luminance,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Latin text in the system UI font, Chinese in the system's CJK sans (Noto Sans CJK on Linux,
 * PingFang on Apple, Microsoft YaHei on Windows): no web font to download.
 */
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for small text is 4.5:1; a little above, so rounding in the browser cannot fall short. */
const TEXT_CONTRAST = 4.7;

/**
 * The text colour of a light (tinted) badge, alert or button: the colour's darkest shade, darkened
 * further until it reads at 4.5:1 on the hover tint (shade 2, the darker of the two backgrounds).
 * Shade 9 on shade 1 is enough for most colours but not for orange (3.6:1) or yellow (2.6:1).
 */
function lightVariantText(shades: readonly string[]): string {
  const [tint, text] = [shades[2] as string, shades[9] as string];
  for (let amount = 0; amount < 1; amount += 0.05) {
    const candidate = amount === 0 ? text : darken(text, amount);
    if (contrastRatio(candidate, tint) >= TEXT_CONTRAST) return candidate;
  }
  return '#000';
}

const LIGHT_VARIANT_TEXT: Record<string, string> = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => [name, lightVariantText(shades)]),
);

/**
 * A colour's text shade that reads at 4.5:1 on white and on its own light tint: for coloured text
 * (a warning, a success line), where orange.9, yellow.9 and green.8 fall short.
 */
export function readableTextColor(name: string): string {
  return LIGHT_VARIANT_TEXT[name] ?? 'var(--mantine-color-text)';
}

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const text = parsed.isThemeColor ? LIGHT_VARIANT_TEXT[parsed.color] : undefined;
  return text ? { ...colors, color: text, hoverColor: text } : colors;
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
  components: {
    // A wide table scrolls sideways on a phone: the scrolling box takes the keyboard focus, so it can
    // be scrolled with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable).
    TableScrollContainer: { defaultProps: { type: 'native', tabIndex: 0 } },
    // A spinner is named by its aria-label ("Loading …"), which a plain <span> may not carry: as a status
    // it may, and its name is announced (axe's aria-prohibited-attr).
    Loader: { defaultProps: { role: 'status' } },
  },
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
