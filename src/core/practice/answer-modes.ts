/** How a session takes answers: ask before each question, or always type, use an editor, or speak. */
export const ANSWER_MODES = ['ask', 'type', 'editor', 'spoken'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];
