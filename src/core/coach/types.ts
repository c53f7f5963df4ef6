/** Everything the coach says about one answer; plain data, safe to print as JSON. */
export type HeardBy = 'words' | 'model' | 'your phrasing';

export interface TalkingPoint {
  /** The key point's id in the question file, stable across rewordings. */
  id: string;
  point: string;
  covered: boolean;
  /** The few words of the answer around what was heard, as written. */
  evidence: string[];
  /** Covered points only: what heard it (the coach's reading of the words, a model grader, a taught phrasing). */
  heardBy?: HeardBy;
}

export type StructureKind = 'star' | 'framework' | 'none';

export interface StructurePart {
  name: string;
  present: boolean;
}

export interface Structure {
  kind: StructureKind;
  parts: StructurePart[];
  /** STAR only: the result carries a number, percentage or duration. */
  resultHasOutcome?: boolean;
}

export interface Specifics {
  numbers: string[];
  tools: string[];
}

export interface FillerCount {
  word: string;
  count: number;
}

export interface Fillers {
  total: number;
  perMinute: number;
  top: FillerCount[];
}

export interface Ownership {
  i: number;
  we: number;
}

export type DeliveryBand = 'short' | 'ok' | 'long';

export interface Delivery {
  words: number;
  estimatedSeconds: number;
  band: DeliveryBand;
  /** The band's edges in seconds when a time limit set them (60 and 180 otherwise). */
  shortBelow?: number;
  longAbove?: number;
  /** The time limit the answer was given under, when there was one. */
  timeLimit?: number;
}

export interface KeywordList {
  /** Share of the answer's words in bare lists, 0..1. */
  share: number;
  flagged: boolean;
}

export interface CoachReport {
  id: string;
  words: number;
  estimatedSeconds: number;
  /** Share of talking points covered, 0..1. */
  coverage: number;
  talkingPoints: TalkingPoint[];
  structure: Structure;
  numbers: string[];
  specifics: Specifics;
  fillers: Fillers;
  ownership: Ownership;
  delivery: Delivery;
  /** How much of the answer is a bare list of terms rather than sentences; `flagged` when the feedback says so. */
  keywordList: KeywordList;
  /** Integer 0..100. */
  score: number;
  /** The score from the words alone, when a model grader or a taught phrasing added points to `score`. */
  wordsScore?: number;
  /** Two to four, most valuable first. */
  suggestions: string[];
}
