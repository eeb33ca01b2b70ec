/**
 * Builds offsets for grouping records by a small integer key: offsets[k]..offsets[k+1] is the
 * range of group k. Runs in O(records + groups).
 */
export function groupOffsets(keys: Int32Array, groupCount: number): Int32Array {
  const offsets = new Int32Array(groupCount + 1);
  for (let index = 0; index < keys.length; index++) offsets[(keys[index] ?? 0) + 1]! += 1;
  for (let group = 0; group < groupCount; group++) offsets[group + 1]! += offsets[group] ?? 0;
  return offsets;
}

/**
 * Returns the permutation that orders records by key, keeping the input order within a key
 * (a stable counting sort). Keys must lie in 0..groupCount-1.
 */
export function countingSortOrder(keys: Int32Array, groupCount: number, offsets = groupOffsets(keys, groupCount)): Int32Array {
  const next = offsets.slice(0, groupCount);
  const order = new Int32Array(keys.length);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] ?? 0;
    order[next[key]!++] = index;
  }
  return order;
}

/**
 * Returns the permutation that orders records by group and, within a group, by day (then input
 * order). Two stable counting sorts, so O(records + groups + day range).
 */
export function orderByGroupThenDay(groups: Int32Array, days: Int32Array, groupCount: number): Int32Array {
  const count = groups.length;
  if (count === 0) return new Int32Array(0);

  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let index = 0; index < count; index++) {
    const day = days[index] ?? 0;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const dayKeys = new Int32Array(count);
  for (let index = 0; index < count; index++) dayKeys[index] = (days[index] ?? 0) - minDay;
  const byDay = countingSortOrder(dayKeys, maxDay - minDay + 1);

  const groupsByDay = new Int32Array(count);
  for (let position = 0; position < count; position++) groupsByDay[position] = groups[byDay[position] ?? 0] ?? 0;
  const byGroup = countingSortOrder(groupsByDay, groupCount);

  const order = new Int32Array(count);
  for (let position = 0; position < count; position++) order[position] = byDay[byGroup[position] ?? 0] ?? 0;
  return order;
}

/** Maps integer record ids to positions, in a typed array when ids are dense and in a Map otherwise. */
export class IdLookup {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;

  constructor(ids: ArrayLike<number>) {
    let maxId = -1;
    let allSmallIntegers = true;
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index] ?? -1;
      if (!Number.isInteger(id) || id < 0) allSmallIntegers = false;
      else if (id > maxId) maxId = id;
    }
    if (allSmallIntegers && maxId < 4 * ids.length + 1024) {
      this.dense = new Int32Array(maxId + 1).fill(-1);
      for (let index = 0; index < ids.length; index++) this.dense[ids[index] ?? 0] = index;
      this.sparse = null;
    } else {
      this.dense = null;
      this.sparse = new Map();
      for (let index = 0; index < ids.length; index++) this.sparse.set(ids[index] ?? 0, index);
    }
  }

  /** Returns the position of the id, or -1 when it is unknown. */
  get(id: number): number {
    if (this.dense !== null) return id >= 0 && id < this.dense.length ? (this.dense[id] ?? -1) : -1;
    return this.sparse?.get(id) ?? -1;
  }
}
