import type { SyncStatus } from '../../../shared/sync'

export const STATE_LABEL: Record<SyncStatus['state'], string> = {
  off: 'Sync off',
  offline: 'Offline',
  syncing: 'Syncing…',
  synced: 'Synced',
  error: 'Sync error',
}
