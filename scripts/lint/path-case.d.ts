// Types for path-case.js (plain JS so `npm run lint` runs it without a build step).
export declare function caseClashes(paths: string[]): string[][]
export declare function trackedPaths(cwd: string): string[]
