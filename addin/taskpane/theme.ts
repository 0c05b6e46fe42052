/** Office's theme colours, as `Office.context.officeTheme` gives them (all optional: not every host has them). */
export interface ThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/**
 * Follows the Office theme: its colours replace the Fluent tokens' page and control colours, and a
 * dark body switches every other token (status colours, borders) to their dark values. Set through
 * the CSSOM (style.setProperty), which the CSP's `style-src 'self'` allows, unlike inline styles.
 */
export function applyTheme(root: HTMLElement, theme: ThemeColours | undefined): void {
  if (!theme) return;
  const set = (name: string, value: string | undefined) => {
    const m = value ? HEX.exec(value.trim()) : null;
    if (m) root.style.setProperty(name, `#${m[1]}`);
    return m ? `#${m[1]}` : undefined;
  };
  const body = set('--colorNeutralBackground1', theme.bodyBackgroundColor);
  set('--colorNeutralForeground1', theme.bodyForegroundColor);
  set('--colorNeutralBackground3', theme.controlBackgroundColor);
  set('--colorNeutralForeground2', theme.controlForegroundColor);
  if (body && luminance(body) < 0.4) root.setAttribute('data-theme', 'dark');
  else root.removeAttribute('data-theme');
}

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
