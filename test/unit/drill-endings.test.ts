import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SIGNAL_EXIT, watchEndings, type EndingSignal } from '../../src/cli/drill-endings.js';

const eio = () => Object.assign(new Error('read EIO'), { code: 'EIO' });

describe('what ends a drill from outside', () => {
  it.each(Object.entries(SIGNAL_EXIT))('%s: keeps first, then settles with the signal (exit %i)', async (signal) => {
    const signals = new EventEmitter();
    const input = new EventEmitter();
    const order: string[] = [];
    const endings = watchEndings(signals, input, (s) => order.push(`keep ${s}`));
    void endings.ended.then((s) => order.push(`ended ${s}`));
    signals.emit(signal);
    // Kept synchronously, inside the signal's own handler, before anything else runs.
    expect(order).toEqual([`keep ${signal}`]);
    expect(endings.signal()).toBe(signal);
    expect(await endings.ended).toBe(signal);
    expect(order).toEqual([`keep ${signal}`, `ended ${signal}`]);
  });

  it('takes the terminal input failing with EIO as a hang-up, and keeps once whatever follows', async () => {
    const signals = new EventEmitter();
    const input = new EventEmitter();
    const kept: EndingSignal[] = [];
    const endings = watchEndings(signals, input, (s) => kept.push(s));
    input.emit('error', eio());
    signals.emit('SIGTERM');
    input.emit('error', eio());
    expect(await endings.ended).toBe('SIGHUP');
    expect(kept).toEqual(['SIGHUP']);
    // Still listening after the end, so a second signal cannot kill the process mid-exit.
    endings.stop();
    expect(signals.listenerCount('SIGTERM')).toBe(1);
  });

  it('leaves nothing behind when the drill ends on its own', () => {
    const signals = new EventEmitter();
    const input = new EventEmitter();
    const endings = watchEndings(signals, input, () => undefined);
    endings.stop();
    for (const signal of Object.keys(SIGNAL_EXIT)) expect(signals.listenerCount(signal)).toBe(0);
    expect(input.listenerCount('error')).toBe(0);
    expect(endings.signal()).toBeUndefined();
  });
});

describe('a keep that fails', () => {
  it('still ends the drill with the signal, and throws nothing into the signal handler', async () => {
    const signals = new EventEmitter();
    const endings = watchEndings(signals, new EventEmitter(), () => {
      throw new Error('disk gone');
    });
    expect(() => signals.emit('SIGTERM')).not.toThrow();
    expect(await endings.ended).toBe('SIGTERM');
  });
});
