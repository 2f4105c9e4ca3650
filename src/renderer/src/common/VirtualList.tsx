import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState, type ReactNode } from 'react'

interface Props<T> {
  items: T[]
  getKey: (item: T) => string
  render: (item: T, index: number) => ReactNode
  label: string
  /** windowing starts above this many items */
  threshold?: number
  /** estimated item height before it is measured, px */
  estimate?: number
  /** px rendered beyond the viewport on each side */
  overscan?: number
  /** bring this item into view when it changes */
  scrollToKey?: string | null
  className?: string
}

/**
 * A scrolling list. Short lists render everything; long ones render only the items in
 * view (plus some overscan), measuring each as it appears so variable heights work.
 */
export function VirtualList<T>({
  items,
  getKey,
  render,
  label,
  threshold = 100,
  estimate = 150,
  overscan = 600,
  scrollToKey,
  className,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null)
  const heights = useRef(new Map<string, number>())
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(800)
  const [, remeasured] = useReducer((n: number) => n + 1, 0)
  const windowed = items.length > threshold

  // where each item starts, from measured heights or the estimate
  const offsets = new Array<number>(items.length + 1)
  offsets[0] = 0
  for (let i = 0; i < items.length; i++)
    offsets[i + 1] = offsets[i]! + (heights.current.get(getKey(items[i]!)) ?? estimate)
  const total = offsets[items.length]!

  let first = 0
  let last = items.length - 1
  if (windowed) {
    const top = scrollTop - overscan
    const bottom = scrollTop + viewport + overscan
    let lo = 0
    let hi = items.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (offsets[mid + 1]! <= top) lo = mid + 1
      else hi = mid
    }
    first = lo
    last = first
    while (last < items.length - 1 && offsets[last + 1]! < bottom) last++
  }

  const observer = useRef<ResizeObserver | null>(null)
  useEffect(() => {
    observer.current = new ResizeObserver((entries) => {
      let changed = false
      for (const entry of entries) {
        const element = entry.target as HTMLElement
        const key = element.dataset.key
        if (!key) continue
        const height = element.offsetHeight
        if (heights.current.get(key) !== height) {
          heights.current.set(key, height)
          changed = true
        }
      }
      if (changed) remeasured()
    })
    return () => observer.current?.disconnect()
  }, [])

  const measure = useCallback(
    (element: HTMLLIElement | null) => {
      if (!element || !windowed) return
      observer.current?.observe(element)
      return () => observer.current?.unobserve(element)
    },
    [windowed],
  )

  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    const resize = new ResizeObserver(() => setViewport(element.clientHeight))
    resize.observe(element)
    return () => resize.disconnect()
  }, [])

  useEffect(() => {
    if (!scrollToKey || !scroller.current) return
    const element = scroller.current
    const index = items.findIndex((item) => getKey(item) === scrollToKey)
    if (index === -1) return
    const rendered = element.querySelector<HTMLElement>(`[data-key="${CSS.escape(scrollToKey)}"]`)
    if (rendered) {
      rendered.scrollIntoView({ block: 'nearest' })
      return
    }
    element.scrollTop = offsets[index]! - 16
    // offsets are only known once the scroll position is read back
  }, [scrollToKey])

  return (
    <div
      ref={scroller}
      className={`virtual-list ${className ?? ''}`}
      onScroll={windowed ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}
    >
      <ul
        aria-label={label}
        className="virtual-items"
        style={
          windowed ? { paddingTop: offsets[first], paddingBottom: total - offsets[last + 1]! } : undefined
        }
      >
        {items.slice(first, last + 1).map((item, i) => {
          const key = getKey(item)
          return (
            <li key={key} data-key={key} ref={measure}>
              {render(item, first + i)}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
