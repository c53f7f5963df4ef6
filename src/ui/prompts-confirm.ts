import { confirm } from '@inquirer/prompts';

/** The streams the prompt talks to: the real terminal, or a pseudo-terminal in tests. */
export interface ConfirmIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** A yes/no question whose answer is no unless the person says yes. */
export function askYesNo(io: ConfirmIo, message: string): Promise<boolean> {
  return confirm({ message, default: false }, io);
}
