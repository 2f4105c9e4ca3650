export {
  backupNotebook,
  backupsDir,
  checkNotebookFile,
  DAILY_KEEP,
  ensureDailyBackup,
  localDay,
  type DailyBackupResult,
} from './backup'
export { prepareBackupCopy, restoreNotebook, restoreNotebookFile, type RestoreOptions } from './restore'
