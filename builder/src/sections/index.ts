import pluginConsoles from 'virtual:mallkit/plugin-console'
import type { MallAccess } from '../app/mall-access.ts'
import { catalogSections } from './catalog/index.ts'
import { operationsSections } from './operations/index.ts'
import type { ConsoleSection } from './section.ts'

export type { ConsoleSection, SectionProps } from './section.ts'

/** Every section the console has: the core's, then each installed plugin's. */
const coreSections: readonly ConsoleSection[] = [...catalogSections, ...operationsSections]

const pluginOf = new Map<string, string>()
for (const facet of pluginConsoles)
  for (const section of facet.sections) pluginOf.set(section.id, facet.pluginId)

const allSections: readonly ConsoleSection[] = [
  ...coreSections,
  ...pluginConsoles.flatMap((facet) => facet.sections),
]

/** Whether the staff member may see `section` in the mall (permission held, plugin on). */
export function sectionVisible(section: ConsoleSection, access: MallAccess): boolean {
  const pluginId = pluginOf.get(section.id)
  if (pluginId && !access.enabledPlugins.has(pluginId)) return false
  return access.permissions.has(section.permission)
}

/** The sections the staff member sees in the mall, in navigation order. */
export const visibleSections = (access: MallAccess): ConsoleSection[] =>
  allSections.filter((section) => sectionVisible(section, access))

/** The section at URL segment `id`, visible or not. */
export const findSection = (id: string): ConsoleSection | undefined =>
  allSections.find((section) => section.id === id)
