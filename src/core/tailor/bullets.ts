/**
 * A posting read as a hiring manager writes it: headings, list items ("-", "*", "•", "1.") and the
 * sentences of its prose paragraphs, in the posting's order, so a reason can quote the bullet it comes from.
 */
export interface Bullet {
  /** The bullet's words as written, its marker removed and wrapped lines joined with one space. */
  text: string;
  /** A list item (true) or a sentence of prose (false). */
  listed: boolean;
  /** The heading it stands under, if any ("Responsibilities", "About you"). */
  section?: string;
}

const MARKER = /^[ \t]*(?:[-*•+–]|\d{1,2}[.)])[ \t]+/;
const MD_HEADING = /^[ \t]*#{1,6}[ \t]+/;
/** A short line with no sentence end, standing on its own: "Responsibilities", "What you will do:". */
const LONE_HEADING = /^[ \t]*[^\s].{0,60}$/;


function isHeading(line: string, prev: string | undefined, next: string | undefined): boolean {
  if (MD_HEADING.test(line)) return true;
  // A posting's first line, standing alone, is its title however long ("Senior Release Engineer / ...").
  if (prev === undefined && next !== undefined && next.trim() === '' && !/[.!?]$/.test(line.trim()) && line.trim().split(/\s+/).length <= 14) return true;
  if (MARKER.test(line) || !LONE_HEADING.test(line)) return false;
  const t = line.trim();
  if (/[.!?,;]$/.test(t) || t.split(/\s+/).length > 8) return false;
  // Alone between blank lines, or right above a list: a heading, not the first line of a paragraph.
  const blankBefore = prev === undefined || prev.trim() === '';
  const nextStartsList = next !== undefined && MARKER.test(next);
  const blankAfter = next === undefined || next.trim() === '';
  return (blankBefore && (blankAfter || nextStartsList)) || (t.endsWith(':') && (blankAfter || nextStartsList));
}

/** The posting's bullets and prose sentences, in order. Headings name sections; they are not bullets. Pure. */
export function readBullets(posting: string): Bullet[] {
  const lines = posting.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: Bullet[] = [];
  let section: string | undefined;
  let item: string[] | undefined;
  let para: string[] | undefined;
  const flushItem = () => {
    if (item) push(item.join(' '), true);
    item = undefined;
  };
  const flushPara = () => {
    if (para) for (const s of sentencesOfParagraph(para.join(' '))) push(s, false);
    para = undefined;
  };
  const push = (text: string, listed: boolean) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (/[\p{L}]/u.test(clean)) out.push({ text: clean, listed, ...(section !== undefined ? { section } : {}) });
  };
  lines.forEach((text, i) => {
    if (text.trim() === '') {
      flushItem();
      flushPara();
      return;
    }
    if (isHeading(text, lines[i - 1], lines[i + 1])) {
      flushItem();
      flushPara();
      section = text.replace(MD_HEADING, '').trim().replace(/:$/, '');
      return;
    }
    const marker = MARKER.exec(text);
    if (marker) {
      flushItem();
      flushPara();
      item = [text.slice(marker[0].length)];
      return;
    }
    // A line under a list item continues it (a wrapped item); otherwise it is prose.
    if (item) {
      item.push(text.trim());
      return;
    }
    if (para) para.push(text.trim());
    else para = [text.trim()];
  });
  flushItem();
  flushPara();
  return out;
}

/** A paragraph's sentences: split after ".", "!" or "?" before a capital or a digit. */
function sentencesOfParagraph(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=["“(]?[\p{Lu}\p{N}])/u).filter((s) => s.trim() !== '');
}
