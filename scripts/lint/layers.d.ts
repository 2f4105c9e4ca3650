// Types for layers.js (plain JS so ESLint loads it without a build step).
export interface Layer {
  name: string
  dir: string
  layers: string[]
  node: boolean
  packages: string[]
  assets?: string[]
}
export declare const LAYERS: Layer[]
export declare const RENDERER_PARTS: {
  dir: string
  parts: Record<string, string[] | null>
  feature: string[]
}
export declare function rendererPartOf(relPath: string): string | null
export declare function rendererAllows(part: string): string[] | null
export declare const TEST_PACKAGES: string[]
export declare function isTestFile(path: string): boolean
export declare function layerOf(relPath: string): Layer | null
export declare function packageName(specifier: string): string
export declare function importProblem(specifier: string, fromFile: string, root: string): string | null
export declare function describeAllowed(layer: Layer): string
