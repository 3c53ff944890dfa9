import { createResource } from 'solid-js'
import { membershipReport } from './client.ts'

/** The mall's tiers (id and name) in order, from the report (what the tier filter offers). */
export function createTiers(slug: string) {
  const [report] = createResource(
    () => slug,
    (s) => membershipReport(s).catch(() => undefined),
  )
  return () => report()?.tiers ?? []
}
