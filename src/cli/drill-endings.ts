/** Exit codes for a drill ended from outside: 128 + the signal's number, as a shell reports it. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 } as const;
export type EndingSignal = keyof typeof SIGNAL_EXIT;

const SIGNALS = Object.keys(SIGNAL_EXIT) as EndingSignal[];

interface SignalSource {
  on(signal: EndingSignal, listener: () => void): unknown;
  removeListener(signal: EndingSignal, listener: () => void): unknown;
}

interface InputSource {
  on(event: 'error', listener: () => void): unknown;
  removeListener(event: 'error', listener: () => void): unknown;
}

export interface Endings {
  /** Settles with the first signal, or 'SIGHUP' for a terminal that went away; never rejects. */
  ended: Promise<EndingSignal>;
  /** The ending seen so far, if any: read after a prompt fails, which a closed terminal can make it do. */
  signal(): EndingSignal | undefined;
  stop(): void;
}

/**
 * Watches for what ends a drill from outside: SIGHUP, SIGINT, SIGQUIT, SIGTERM, and the terminal closing
 * (its input fails with EIO, a hang-up by another name). On the first, `keep` runs at once, before any
 * other code and before anything is written to a terminal that may be gone; later ones are ignored,
 * so a second signal cannot cut the first one's work short.
 */
export function watchEndings(signals: SignalSource, input: InputSource, keep: (signal: EndingSignal) => void): Endings {
  let seen: EndingSignal | undefined;
  let settle: (signal: EndingSignal) => void = () => undefined;
  const ended = new Promise<EndingSignal>((resolve) => (settle = resolve));
  const end = (signal: EndingSignal) => {
    if (seen) return;
    seen = signal;
    try {
      keep(signal);
    } catch {
      // Nothing more can be kept; the drill still ends as the signal asks.
    }
    settle(signal);
  };
  const listeners = SIGNALS.map((signal) => [signal, () => end(signal)] as const);
  // EIO or any other failure of the terminal's input: nothing more can be answered there.
  const onInputError = () => end('SIGHUP');
  for (const [signal, listener] of listeners) signals.on(signal, listener);
  input.on('error', onInputError);
  return {
    ended,
    signal: () => seen,
    stop() {
      // Once ended, the listeners stay until the process exits: a second signal then changes nothing.
      if (seen) return;
      for (const [signal, listener] of listeners) signals.removeListener(signal, listener);
      input.removeListener('error', onInputError);
    },
  };
}
