/** A word of a text: its stem for matching and its spelling for showing. */
export interface Word {
  stem: string;
  surface: string;
}

/**
 * Words every job posting uses whatever the job: they say nothing about what the interview will ask.
 * Their weight is zero, so "strong team experience" can never outrank one specific word.
 */
const GENERIC_WORDS =
    'a about above across after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its ' +
    'itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the ' +
    'their theirs them then there these they this those through to too under until up very was we were what when where which while who whom ' +
    'why will with would you your yours us etc e g eg ie via per within without across among ' +
    // The vocabulary of job ads in general.
    'team teams experience experienced strong ability able skill skills skilled excellent good great proven track record years year ' +
    'work working works role roles candidate candidates job position opportunity opportunities company companies responsibility ' +
    'responsibilities responsible requirement requirements required qualification qualifications preferred plus bonus nice ideal ideally ' +
    'looking seek seeking join joining help helping make making ensure ensuring including include includes new well best knowledge ' +
    'understanding familiarity familiar demonstrated demonstrable solid deep broad hands hand minimum least must essential desirable ' +
    'benefits salary competitive remote hybrid office location based apply applicant equal employer environment culture passionate ' +
    'passion love enjoy exciting fast paced dynamic collaborative collaborate collaboration self starter detail oriented motivated ' +
    'highly key various multiple across other others etc day days using use used related relevant area areas level levels degree ' +
    'bachelor master field equivalent similar like across organisation organization business world class global growing mission ' +
    'people person someone everyone part member members support supporting provide providing across drive driving deliver delivering ' +
    'own owning owner will what who our us we you your yourself number numbers thing things way ways get getting keep run running go every many much one two three lot lots ' +
    // How a posting says what sort of person it wants ("comfortable saying no", "confident with ..."): a trait, not a practice.
    'comfortable confident confidence happy willing keen eager calm today want wants wanted';

let generic: Set<string> | undefined;

export function isGeneric(stem: string): boolean {
  generic ??= new Set(GENERIC_WORDS.split(/\s+/).map((w) => stemWord(w)));
  return generic.has(stem) || stem.length < 2 || /^\d+$/.test(stem);
}

/**
 * A light suffix stripper: enough that "deployments", "deploying" and "deployed" meet "deploy", and the same
 * on both sides, which is all matching needs. Not a linguistic stemmer.
 */
export function stemWord(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  // A game is not "gaming" a metric: the noun keeps its own stem.
  if (w === 'game' || w === 'games') return 'game';
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  // "release", "released" and "releasing" meet at "releas"; but "notes" never becomes the word "not".
  return w.length > 3 && w.endsWith('e') && !w.endsWith('ee') && !stopWords().has(w.slice(0, -1)) ? w.slice(0, -1) : w;
}

let stops: Set<string> | undefined;
function stopWords(): Set<string> {
  stops ??= new Set(GENERIC_WORDS.split(/\s+/));
  return stops;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss)$/.test(w) ? w.slice(0, -1) : w;
}

// Letters and digits, keeping joined forms like "k8s", "c#" or "node.js" apart only at real separators.
const WORD = /[\p{L}\p{N}]+(?:[.+#][\p{L}\p{N}]+)*[+#]*/gu;

/** The words of a text in order, with their stems. Hyphens, slashes and dots between words split them. */
export function tokenize(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    for (const part of m[0].split('.')) {
      if (part !== '') out.push({ stem: stemWord(part), surface: part });
    }
  }
  return out;
}
