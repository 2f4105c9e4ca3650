/**
 * Getting an export out of the browser: a download (Blob + <a download>), and the browser's
 * own print dialog for a PDF. (The desktop shell saves through its own dialog, and the
 * notebook writes the file: see ExportDialog.) Backing up, in both shells.
 */
import type { GlossApi } from '../../../shared/contract'
import type { SavedFile } from '../../../shared/shell'
import { errorMessage } from '../api/errors'
import type { Feedback } from '../state/feedback'
import { formatBytes, webBackupPath } from './exportOptions'

/** How long a download's object URL lives: the browser has read it long before. */
const REVOKE_AFTER_MS = 60_000
/** A print iframe still there after this long is removed anyway (the print dialog has closed). */
const PRINT_CLEANUP_MS = 10 * 60_000

/** Offer text (or a Blob) as a file download. `host` is where the temporary link goes (inside an open modal, so it is not inert). */
export function downloadText(
  name: string,
  content: string | Blob,
  mediaType: string,
  host: HTMLElement = document.body,
): void {
  const url = URL.createObjectURL(
    typeof content === 'string' ? new Blob([content], { type: mediaType }) : content,
  )
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  host.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}

/**
 * Print an HTML export with the browser's print dialog (where "Save as PDF" is a printer).
 * The page goes into a hidden iframe: same origin so this page may call its print(), but
 * sandboxed without scripts (the export has none, and its own CSP forbids them too).
 */
export function printHtml(html: string, title: string): Promise<void> {
  // a page left from an earlier print whose dialog never reported closing
  for (const old of document.querySelectorAll('iframe.export-print-frame')) old.remove()
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe')
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
    frame.setAttribute('aria-hidden', 'true')
    frame.tabIndex = -1
    frame.title = title
    frame.className = 'export-print-frame'
    let removed = false
    const remove = () => {
      if (removed) return
      removed = true
      frame.remove()
    }
    const timer = window.setTimeout(remove, PRINT_CLEANUP_MS)
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow
        if (!view) {
          remove()
          reject(new Error('The page to print could not be prepared.'))
          return
        }
        view.addEventListener('afterprint', () => {
          window.clearTimeout(timer)
          // after the dialog has let go of the page
          window.setTimeout(remove, 1000)
        })
        try {
          view.focus()
          view.print() // blocks until the print dialog closes in Chromium; returns at once elsewhere
          resolve()
        } catch (error) {
          remove()
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      },
      { once: true },
    )
    frame.srcdoc = html
    document.body.append(frame)
  })
}

/** Back up the notebook: a save dialog in the desktop app, `backups/` beside the notebook in the browser. */
export async function backUpNotebook(api: GlossApi, feedback: Feedback): Promise<SavedFile | null> {
  try {
    let saved: SavedFile | null
    const shell = window.glossShell
    if (shell) {
      saved = await shell.backupNotebook()
    } else {
      const info = await api.notebookInfo({})
      saved = await api.backupNotebook({ path: webBackupPath(info.path) })
    }
    if (saved) feedback.notify(`Backed up the notebook to ${saved.path} (${formatBytes(saved.bytes)})`)
    return saved
  } catch (error) {
    feedback.notify(`The backup failed: ${errorMessage(error)}`, { kind: 'error' })
    return null
  }
}
