/**
 * dependency-cruiser over src/: no import may run to a layer its allow-list does not name
 * (the same table as ESLint's gloss/layers, scripts/lint/layers.js, which also checks
 * packages), and no module may depend on itself through others, type-only imports included.
 *   npx depcruise src     (part of `npm run lint`)
 */
import { LAYERS, RENDERER_PARTS } from './scripts/lint/layers.js'

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

const layerRules = LAYERS.flatMap((layer) => {
  const forbidden = LAYERS.filter((other) => !layer.layers.includes(other.name))
  if (forbidden.length === 0) return []
  return [
    {
      name: `layer-${layer.name}`,
      comment: `${layer.dir} may import only ${layer.layers.join(', ')} of src/ (scripts/lint/layers.js)`,
      severity: 'error',
      from: { path: `^${escape(layer.dir)}/` },
      to: { path: `^(${forbidden.map((other) => escape(other.dir)).join('|')})/` },
    },
  ]
})

/** Inside the renderer: each shared part, and every feature, imports only what RENDERER_PARTS allows. */
const inRenderer = (part) => `^${escape(RENDERER_PARTS.dir)}/${part}/`
const shared = Object.keys(RENDERER_PARTS.parts)
const rendererRules = [
  ...Object.entries(RENDERER_PARTS.parts)
    .filter(([, allowed]) => allowed !== null)
    .map(([part, allowed]) => ({
      name: `renderer-${part}`,
      comment: `${RENDERER_PARTS.dir}/${part} may import only ${allowed.join(', ')} of the renderer`,
      severity: 'error',
      from: { path: inRenderer(part) },
      to: { path: `^${escape(RENDERER_PARTS.dir)}/`, pathNot: inRenderer(`(${allowed.join('|')})`) },
    })),
  {
    name: 'renderer-feature',
    comment: `a feature of the renderer imports itself and ${RENDERER_PARTS.feature.join(', ')}, never another feature`,
    severity: 'error',
    from: { path: inRenderer('([^/]+)'), pathNot: inRenderer(`(${shared.join('|')})`) },
    to: {
      path: inRenderer('[^/]+'),
      pathNot: [inRenderer('$1'), inRenderer(`(${RENDERER_PARTS.feature.join('|')})`)],
    },
  },
]

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
    ...rendererRules,
    {
      name: 'no-circular',
      comment: 'A cycle ties its modules into one: break it by moving what both need into a third',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    // type-only imports are dependencies too
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
