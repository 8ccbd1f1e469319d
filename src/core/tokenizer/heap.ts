// A binary max-heap of merge candidates for the BPE trainer.
//
// Entries may be stale (their pair has been seen fewer times since they were pushed);
// the trainer checks each popped entry against the live count and re-pushes it if it
// shrank. Counts of old pairs only ever go down, so a stale entry is an upper bound
// and the first fresh entry popped is the true best pair.

export interface PairEntry {
  count: number;
  left: number;
  right: number;
}

/** Should `a` come out before `b`? Higher count first; ties go to the smaller pair. */
export type PairOrder = (a: PairEntry, b: PairEntry) => boolean;

export class PairHeap {
  private readonly items: PairEntry[] = [];

  constructor(private readonly before: PairOrder) {}

  get size(): number {
    return this.items.length;
  }

  push(entry: PairEntry): void {
    const items = this.items;
    let i = items.length;
    items.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(entry, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = entry;
  }

  pop(): PairEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child = r < items.length && this.before(items[r], items[l]) ? r : l;
      if (!this.before(items[child], last)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}
