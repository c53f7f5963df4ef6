/**
 * The figures a listener hears in a model answer, for the bank's "at most 9 figures" rule.
 *
 * Counted: numbers in digits ("40", "2,000", "18%", "$400,000", "02:00"); numbers said as words ("fifteen",
 * "twenty-five", "three hundred", "zero"), one figure per run of number words; fractions ("half", "a third",
 * "two thirds"); hyphenated measures ("twelve-minute", "two-week", "one-page").
 *
 * Not counted: "one" and "a" on their own (they are how English says "a single", not a figure a listener
 * keeps); ordinals ("first", "a third party", "the second CVE"); versions ("2.15.0", "v3", "Java 17", "PCI DSS
 * v4.0.1", "ITIL 4"); standards' numbers and dates ("ISO 27001", "ISO/IEC 27001:2022", "SOC 2"); digits inside
 * a name ("Log4j", "CVE-2021-44228", "P1"); and years ("December 2021", "since 2025"), which date a story
 * rather than measure something.
 */

const MONTHS_AND_DAYS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

const UNITS = ['zero', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['hundred', 'thousand', 'million', 'billion', 'dozen'];
const NUMBER_WORD = `(?:${[...TENS.map((t) => `${t}(?:-(?:${UNITS.slice(1).join('|')}))?`), ...TEENS, ...UNITS, ...SCALES].join('|')})`;
const FRACTION = '(?:half|halves|thirds?|quarters?|fifths?|tenths?)';

/** A run of number words ("three hundred and twenty"), optionally ending in a fraction ("two thirds"). */
const SAID_NUMBER = new RegExp(`\\b${NUMBER_WORD}(?:(?:\\s+and\\s+|[\\s-]+)${NUMBER_WORD})*(?:[\\s-]+${FRACTION})?\\b`, 'gi');
/** "half", "a third", "a quarter": a fraction with no number word before it. */
const LONE_FRACTION = /\b(?:half|a\s+(?:third|quarter|fifth|tenth))\b(?!-party|\s+(?:party|parties|time|attempt|round|of\s+the\s+way\s+through\b))/gi;
/** "one-page", "one-hour": "one" counts when it measures something. */
const ONE_MEASURE = /\bone-(?:second|minute|hour|day|night|week|month|quarter|year|page|line|step|point|percent)\b/gi;

const DIGITS = /[$£€]?\d(?:[\d,.:/]*\d)?%?/g;
const YEAR = /^(?:19[89]\d|20[0-4]\d)$/;

function countDigitFigures(text: string): number {
  let count = 0;
  for (const m of text.matchAll(DIGITS)) {
    const before = text.slice(0, m.index);
    if (/[A-Za-z_.-]$/.test(before)) continue;
    if (/^\d+(?:\.\d+){2,}$/.test(m[0])) continue;
    if (YEAR.test(m[0])) continue;
    const prev = /(\S+)\s+$/.exec(before)?.[1] ?? '';
    // An acronym names a standard or product wherever it stands ("ITIL 4", "ISO 27001", "SOC 2").
    if (/^[A-Z][A-Z/]+$/.test(prev) && /^[\d.:]+$/.test(m[0])) continue;
    const startsSentence = /(?:^|[.!?:]\s+)\S+\s+$/.test(before);
    if (/^[A-Z][A-Za-z0-9]*$/.test(prev) && !MONTHS_AND_DAYS.test(prev) && !startsSentence && /^\d+(?:\.\d+)?$/.test(m[0])) continue;
    count++;
  }
  return count;
}

function countSaidFigures(text: string): number {
  let count = 0;
  for (const m of text.matchAll(SAID_NUMBER)) {
    // "1.2 million": the scale word belongs to the digits already counted.
    if (/\d\s*$/.test(text.slice(0, m.index)) && new RegExp(`^(?:${SCALES.join('|')})\\b`, 'i').test(m[0])) continue;
    count++;
  }
  // A fraction that follows a number word was counted with it above ("two thirds").
  const afterNumber = new RegExp(`${NUMBER_WORD}[\\s-]+$`, 'i');
  for (const m of text.matchAll(LONE_FRACTION)) if (!afterNumber.test(text.slice(0, m.index))) count++;
  count += [...text.matchAll(ONE_MEASURE)].length;
  return count;
}

export function countFigures(text: string): number {
  return countDigitFigures(text) + countSaidFigures(text);
}
