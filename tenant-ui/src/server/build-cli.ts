import { buildBundles } from './build.ts'

/** `pnpm --filter @mallkit/tenant-ui build`: builds both bundles now. */
const ms = await buildBundles()
process.stdout.write(`storefront built in ${ms} ms\n`)
