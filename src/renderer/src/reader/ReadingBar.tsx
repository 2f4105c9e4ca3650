import { useEffect, useId, useRef, useState } from 'react'
import type { Section } from '../../../shared/model'
import { FONT_SIZES, LINE_WIDTHS, type LineWidth, type ReadingSettings } from './readingState'

interface Props {
  /** the pane the article scrolls in (the bar follows it without re-rendering the article) */
  scroller: () => HTMLElement | null
  headings: readonly Section[]
  settings: ReadingSettings
  onSettings: (settings: ReadingSettings) => void
  onHeading: (section: Section) => void
}

type Open = 'outline' | 'settings' | null

/** Above the article, staying in view: how far through it you are, its outline, reading settings. */
export function ReadingBar({ scroller, headings, settings, onSettings, onHeading }: Props) {
  const [open, setOpen] = useState<Open>(null)
  const [progress, setProgress] = useState(0)
  useEffect(() => {
    const pane = scroller()
    if (!pane) return
    const onScroll = () => {
      const room = pane.scrollHeight - pane.clientHeight
      setProgress(room > 0 ? Math.min(1, Math.max(0, pane.scrollTop / room)) : 1)
    }
    onScroll()
    const resize = new ResizeObserver(onScroll)
    resize.observe(pane)
    // the article grows as its sections are measured
    for (const child of pane.children) resize.observe(child)
    pane.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      pane.removeEventListener('scroll', onScroll)
      resize.disconnect()
    }
  }, [scroller])
  const bar = useRef<HTMLDivElement>(null)
  const outlineId = useId()
  const settingsId = useId()
  const percent = Math.round(progress * 100)

  // Escape or a click elsewhere closes the open panel
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.stopPropagation()
      setOpen(null)
    }
    const onDown = (event: PointerEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(null)
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onDown)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onDown)
    }
  }, [open])

  const toggle = (which: Exclude<Open, null>) => setOpen(open === which ? null : which)
  const size = FONT_SIZES.indexOf(settings.fontSize as (typeof FONT_SIZES)[number])

  return (
    <div className="reading-bar" ref={bar}>
      <div
        className="reading-progress"
        role="progressbar"
        aria-label="Reading progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% read`}
      >
        <div className="reading-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="reading-tools">
        <span className="reading-percent" aria-hidden="true">
          {percent}%
        </span>
        {headings.length > 0 && (
          <button
            type="button"
            className="small"
            aria-expanded={open === 'outline'}
            aria-controls={outlineId}
            onClick={() => toggle('outline')}
          >
            Outline
          </button>
        )}
        <button
          type="button"
          className="small"
          aria-expanded={open === 'settings'}
          aria-controls={settingsId}
          title="Font size, line width, typeface"
          onClick={() => toggle('settings')}
        >
          Aa<span className="visually-hidden"> Reading settings</span>
        </button>
      </div>
      {open === 'outline' && (
        <nav id={outlineId} className="reading-panel outline" aria-label="Outline">
          <ul>
            {headings.map((h) => (
              <li key={h.id} style={{ paddingLeft: `${Math.max(0, (h.level ?? 1) - 1) * 12}px` }}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setOpen(null)
                    onHeading(h)
                  }}
                >
                  {h.text}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {open === 'settings' && (
        <div
          id={settingsId}
          className="reading-panel reading-settings"
          role="group"
          aria-label="Reading settings"
        >
          <div className="reading-setting">
            <span id={`${settingsId}-size`}>Font size</span>
            <div role="group" aria-labelledby={`${settingsId}-size`} className="segmented">
              <button
                type="button"
                className="small"
                disabled={size <= 0}
                onClick={() => onSettings({ ...settings, fontSize: FONT_SIZES[size - 1]! })}
              >
                A−<span className="visually-hidden"> Smaller text</span>
              </button>
              <span className="reading-size" aria-live="polite">
                {settings.fontSize}px
              </span>
              <button
                type="button"
                className="small"
                disabled={size >= FONT_SIZES.length - 1}
                onClick={() => onSettings({ ...settings, fontSize: FONT_SIZES[size + 1]! })}
              >
                A+<span className="visually-hidden"> Larger text</span>
              </button>
            </div>
          </div>
          <div className="reading-setting">
            <span id={`${settingsId}-width`}>Line width</span>
            <div role="group" aria-labelledby={`${settingsId}-width`} className="segmented">
              {(Object.keys(LINE_WIDTHS) as LineWidth[]).map((width) => (
                <button
                  key={width}
                  type="button"
                  className="small"
                  aria-pressed={settings.lineWidth === width}
                  onClick={() => onSettings({ ...settings, lineWidth: width })}
                >
                  {width[0]!.toUpperCase() + width.slice(1)}
                </button>
              ))}
            </div>
          </div>
          <div className="reading-setting">
            <span id={`${settingsId}-face`}>Typeface</span>
            <div role="group" aria-labelledby={`${settingsId}-face`} className="segmented">
              {(['serif', 'sans'] as const).map((face) => (
                <button
                  key={face}
                  type="button"
                  className={`small typeface-${face}`}
                  aria-pressed={settings.typeface === face}
                  onClick={() => onSettings({ ...settings, typeface: face })}
                >
                  {face === 'serif' ? 'Serif' : 'Sans'}
                </button>
              ))}
            </div>
          </div>
        </div>
      )}
    </div>
  )
}
