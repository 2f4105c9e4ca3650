/**
 * Remembered size and position of the main window: validation and the "is it on a
 * screen we still have?" check. Pure apart from node:fs; no Electron import.
 */
import { readJsonFile, writeJsonFileAtomic } from './json-file'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** the normal (not maximized) bounds */
  bounds: Rect
  maximized: boolean
}

export interface InitialBounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WIDTH = 1280
export const DEFAULT_HEIGHT = 820
export const MIN_WIDTH = 640
export const MIN_HEIGHT = 420
const MAX_SIDE = 100_000
const MAX_COORDINATE = 1_000_000
/** How much of the title bar must be on a display for the saved position to be used. */
const TITLE_BAR_HEIGHT = 32
const MIN_VISIBLE_WIDTH = 100
const MIN_VISIBLE_HEIGHT = 16

const isInteger = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/** A stored state, or null when it is not one (missing fields, wrong types, absurd sizes). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown }
  if (typeof bounds !== 'object' || bounds === null) return null
  const { x, y, width, height } = bounds as Record<string, unknown>
  if (!isInteger(x, -MAX_COORDINATE, MAX_COORDINATE) || !isInteger(y, -MAX_COORDINATE, MAX_COORDINATE))
    return null
  if (!isInteger(width, 1, MAX_SIDE) || !isInteger(height, 1, MAX_SIDE)) return null
  return { bounds: { x, y, width, height }, maximized: maximized === true }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

/** True when enough of the window's title bar lies on one of the displays' work areas to grab it. */
export function isVisibleOnDisplays(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar: Rect = {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: Math.min(TITLE_BAR_HEIGHT, bounds.height),
  }
  return workAreas.some((area) => {
    const { width, height } = overlap(titleBar, area)
    return (
      width >= Math.min(MIN_VISIBLE_WIDTH, bounds.width) &&
      height >= Math.min(MIN_VISIBLE_HEIGHT, titleBar.height)
    )
  })
}

/**
 * The bounds to open the window with: the saved ones when they are valid and still on a
 * display, else the default size, centred by the window manager (no x/y).
 */
export function initialBounds(saved: WindowState | null, workAreas: readonly Rect[]): InitialBounds {
  if (saved && isVisibleOnDisplays(saved.bounds, workAreas)) {
    return {
      x: saved.bounds.x,
      y: saved.bounds.y,
      width: Math.max(MIN_WIDTH, saved.bounds.width),
      height: Math.max(MIN_HEIGHT, saved.bounds.height),
      maximized: saved.maximized,
    }
  }
  const largest = workAreas.reduce<Rect | null>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    null,
  )
  const width = largest ? Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, largest.width)) : DEFAULT_WIDTH
  const height = largest ? Math.max(MIN_HEIGHT, Math.min(DEFAULT_HEIGHT, largest.height)) : DEFAULT_HEIGHT
  return { width, height, maximized: saved?.maximized ?? false }
}

export function loadWindowState(file: string): WindowState | null {
  return parseWindowState(readJsonFile(file))
}

export function saveWindowState(file: string, state: WindowState): void {
  writeJsonFileAtomic(file, state)
}
