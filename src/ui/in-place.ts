import { fitLine, type RawIo } from './answer-prompt.js';

/** A block of one-row lines that a prompt draws and redraws in place: each draw erases the last one. */
export interface InPlace {
  /** `lines(width)` gives the lines for the screen's width now; each is cut to fit one row. */
  draw(lines: (width: number) => readonly string[]): void;
  erase(): void;
}

export function drawInPlace(output: RawIo['output']): InPlace {
  let drawn = 0;
  const erase = () => {
    if (drawn > 1) output.write(`\u001b[${drawn - 1}A`);
    output.write('\r\u001b[J');
    drawn = 0;
  };
  return {
    erase,
    draw(lines) {
      erase();
      const width = Math.max(20, output.columns ?? 80);
      const shown = lines(width).map((l) => fitLine(l, width));
      output.write(shown.join('\n'));
      drawn = shown.length;
    },
  };
}
