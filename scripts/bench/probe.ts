/**
 * Records the I/O of the one update the benchmark has in flight: every Redis request, SQL statement and
 * Telegram call, with when it started and ended. The benchmark drives one update at a time, so whatever
 * happens between `begin` and `end` belongs to that update.
 */
export type IoKind = 'redis' | 'sql' | 'telegram';

export interface IoEvent {
  kind: IoKind;
  start: number;
  end: number;
  /** Redis: the commands the request carried (Upstash bills commands, not requests). */
  commands?: number;
}

export class Probe {
  private events: IoEvent[] | undefined;

  begin(): void {
    this.events = [];
  }

  end(): IoEvent[] {
    const events = this.events ?? [];
    this.events = undefined;
    return events;
  }

  /** Runs `work`, recording it as one I/O event of the update in flight (if any). */
  async time<T>(kind: IoKind, work: () => Promise<T>, commands?: number): Promise<T> {
    const event: IoEvent = { kind, start: performance.now(), end: Number.NaN, commands };
    this.events?.push(event);
    try {
      return await work();
    } finally {
      event.end = performance.now();
    }
  }
}

/** Counts of one kind of I/O: all of them, and those started before the first Telegram call (the reply). */
export function countOf(events: IoEvent[], kind: IoKind): { total: number; beforeReply: number } {
  const reply = events.find((e) => e.kind === 'telegram')?.start ?? Number.POSITIVE_INFINITY;
  const ofKind = events.filter((e) => e.kind === kind);
  return { total: ofKind.length, beforeReply: ofKind.filter((e) => e.start < reply).length };
}

/** Wall time spent waiting on I/O: the union of the events' intervals (concurrent requests count once). */
export function ioWaitMs(events: IoEvent[]): number {
  const sorted = [...events].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    if (start > to) {
      if (to > from) total += to - from;
      from = start;
      to = end;
    } else {
      to = Math.max(to, end);
    }
  }
  if (to > from) total += to - from;
  return total;
}
