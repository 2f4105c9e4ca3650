/** One Gloss per user-data folder: a second launch hands its files to the first. */
import { app } from 'electron'
import { parseLaunchData, type LaunchData } from './args'

/**
 * Take the lock, or return false (this process should quit at once). The second
 * instance's argv and cwd travel as additionalData, which Electron keeps intact
 * (its `argv` parameter may be reordered or extended).
 */
export function acquireSingleInstanceLock(onSecondInstance: (launch: LaunchData) => void): boolean {
  if (!app.requestSingleInstanceLock({ argv: process.argv, cwd: process.cwd() })) return false
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    onSecondInstance(parseLaunchData(additionalData) ?? { argv, cwd: workingDirectory })
  })
  return true
}
