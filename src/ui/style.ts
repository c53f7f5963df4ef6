import { Chalk } from 'chalk';

/** Colors with meaning; a no-op set when color is off (NO_COLOR, --no-color, a pipe). */
export interface Style {
  heading(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  accent(text: string): string;
  enabled: boolean;
}

const same = (text: string): string => text;

/** Without color no chalk instance is made: the start-up bundle then never loads chalk (see scripts/build.mjs). */
const PLAIN: Style = { heading: same, dim: same, bold: same, good: same, bad: same, warn: same, accent: same, enabled: false };

export function createStyle(color: boolean): Style {
  if (!color) return PLAIN;
  const c = new Chalk({ level: 1 });
  return {
    heading: (t) => c.bold.cyan(t),
    dim: (t) => c.dim(t),
    bold: (t) => c.bold(t),
    good: (t) => c.green(t),
    bad: (t) => c.red(t),
    warn: (t) => c.yellow(t),
    accent: (t) => c.magenta(t),
    enabled: true,
  };
}
