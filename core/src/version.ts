/** The version of `@mallkit/core`; plugins declare which versions they are compatible with. */
export const CORE_VERSION = '0.1.0'
