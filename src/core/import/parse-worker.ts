/**
 * Worker-thread entry that parses imports, so a slow or hostile file costs this thread alone:
 * the notebook keeps answering, and parsePool.ts stops this thread on time-out, memory or cancel.
 */
import { getHeapStatistics } from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { preloadParsers } from './index'
import { settleParseJob, type ParseJob } from './parseJob'

const port = parentPort!

// the pool sends one job at a time and waits for its answer; pdf.js and mammoth are asynchronous
port.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  void settleParseJob(job).then((outcome) => {
    // the pool retires a worker whose heap a big page has grown, rather than keep it idle
    const heapMb = Math.round(getHeapStatistics().used_heap_size / 1048576)
    port.postMessage({ id, outcome, heapMb })
  })
})
// the parsers load lazily elsewhere; here, before the pool's time limits start
preloadParsers()
port.postMessage({ ready: true })
