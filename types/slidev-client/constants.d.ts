// @slidev/client/constants.ts (Slidev 52.20), as setup/slidev-internals.ts uses it.
export declare const CLICKS_MAX: number
