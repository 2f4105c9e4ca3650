/**
 * dependency-cruiser over src/: no import may run to a layer its allow-list does not name
 * (the same table as ESLint's gloss/layers, scripts/lint/layers.js, which also checks
 * packages), and no module may depend on itself through others, type-only imports included.
 *   npx depcruise src     (part of `npm run lint`)
 */
import { LAYERS } from './scripts/lint/layers.js'

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

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
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
