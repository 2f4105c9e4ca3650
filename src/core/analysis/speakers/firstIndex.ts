/** The first index whose item passes `test`, in a list where it fails up to some point and passes after. */
export function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (test(items[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}
