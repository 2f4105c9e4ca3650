/**
 * The writer `killDuringWrites` kills (faultLoad.ts): opens the notebook, then creates excerpts
 * until it is killed, printing each id once its transaction has committed.
 */
import { createDispatcher } from '../../shared/dispatch'
import { openNotebook } from '../notebook'

const notebook = openNotebook({ path: process.argv[2]!, samplePath: null })
const call = createDispatcher(notebook.handlers)
const articles = (await call('listArticles', {})) as Array<{ id: string }>
let articleId = articles[0]?.id
if (!articleId) {
  const body = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} of the article the writer marks.`)
  const imported = (await call('importContent', { content: body.join('\n\n'), format: 'text' })) as {
    article: { id: string }
  }
  articleId = imported.article.id
}
process.stdout.write('ready\n')
for (let n = 0; ; n++) {
  const start = (n * 13) % 500
  const excerpt = (await call('createExcerpt', {
    articleId,
    start,
    end: start + 10,
    comment: `kill test ${n}`,
    tags: [`kill/${n % 7}`],
  })) as { id: string }
  process.stdout.write(`${excerpt.id}\n`)
}
