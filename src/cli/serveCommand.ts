/** `gloss serve`, apart from the other commands: its start loads none of the notebook's modules. */
import type { Command } from './context'

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--port N]',
  summary: 'Serve the app to a browser on 127.0.0.1 (prints the URL with its token)',
  options: { port: { type: 'string' } },
  async run(ctx, _positionals, values) {
    // without --port: the last port this notebook was served on, when it is free
    const { portOption, serve } = await import('./serve')
    const port = portOption(values.port)
    ctx.keepOpen()
    await serve(ctx, port)
  },
}
