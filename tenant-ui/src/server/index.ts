import type { StorefrontFacet } from '../../../core/src/storefront/facet.ts'
import { coreBlockManifests } from '../blocks/manifests.ts'
import { ensureBundles } from './build.ts'
import { loadClientAssets, serveAsset, type ClientAssets } from './client-assets.ts'
import { importServerEntry, renderRequest, type ServerEntry } from './render.ts'
import { isOwnPath } from '../shared/routes.ts'

/**
 * The storefront's server facet (Node): the core's block manifests, the build, page rendering
 * and the built browser files. The core discovers it through `"mallkit": { "storefront" }`.
 */
export function createStorefront(): StorefrontFacet {
  let ready: Promise<{ entry: ServerEntry; assets: ClientAssets }> | undefined
  const load = (log?: Parameters<StorefrontFacet['ensureBuilt']>[0]) =>
    (ready ??= (async () => {
      await ensureBundles(log)
      return { entry: await importServerEntry(), assets: loadClientAssets() }
    })().catch((error: unknown) => {
      ready = undefined
      throw error
    }))
  return {
    coreBlocks: coreBlockManifests,
    async ensureBuilt(log) {
      await load(log)
    },
    ownsPath: isOwnPath,
    async render(input) {
      const { entry, assets } = await load(input.log)
      return renderRequest(input, entry, assets)
    },
    async asset(path) {
      const { assets } = await load()
      return serveAsset(assets, path)
    },
  }
}

export default createStorefront()
