import type { GlossApi } from '../../../shared/contract'
import type { Tag } from '../../../shared/model'
import { Store } from './store'

/**
 * Every tag with its counts. Counts span nested tags, so a write that changes tags (an
 * excerpt's, a rename, a merge) lists them again rather than guessing.
 */
export class TagsStore extends Store<Tag[]> {
  constructor(private readonly api: GlossApi) {
    super([])
  }

  async fetch(): Promise<void> {
    this.set(await this.api.listTags({}))
  }
}
