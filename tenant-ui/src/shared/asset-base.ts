/** Where built browser files are served from, on every host (the core routes it to `asset()`). */
export const ASSET_BASE = '/_mk/'
