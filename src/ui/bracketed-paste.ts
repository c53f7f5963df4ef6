/** Asks the terminal to mark a paste (ESC[200~ … ESC[201~), so a paste arrives whole and is known as one. */
export const BRACKETED_PASTE_ON = '\u001b[?2004h';
export const BRACKETED_PASTE_OFF = '\u001b[?2004l';
