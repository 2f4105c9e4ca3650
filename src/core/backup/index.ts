export {
  backupTo,
  backupsDir,
  checkNotebookFile,
  DAILY_KEEP,
  ensureDailyBackup,
  localDay,
  type DailyBackupResult,
} from './backup'
export { prepareBackupCopy, restoreInto, restoreNotebook, type RestoreOptions } from './restore'
