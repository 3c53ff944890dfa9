import type { Component, JSX } from 'solid-js'

/** Text in the console's languages. */
export interface Localized {
  'zh-CN': string
  en: string
}

/** Where a section is listed in a mall's navigation. */
export type SectionGroup = 'store' | 'marketing' | 'settings'

/** What a section's screen is given. */
export interface SectionProps {
  /** The mall's slug: its admin API is `mallApi(slug, …)`. */
  slug: string
  /**
   * The path below the section (`/console/malls/{slug}/{section}/a/b` gives `['a', 'b']`): a
   * section's own sub-screens (a product's editor, an order's detail).
   */
  path: readonly string[]
  /** Goes to `path` below this section, adding a history entry. */
  go(path: readonly string[]): void
  /** The href of `path` below this section (for real links, opened in a new tab too). */
  href(path: readonly string[]): string
  /** The staff member's permissions in this mall (`core:orders.manage`, `coupons:manage`…). */
  permissions: ReadonlySet<string>
}

/**
 * A screen of a mall's console with its entry in the mall's navigation. Core sections and plugin
 * sections are the same shape; a plugin's appear only while it is on for the mall.
 */
export interface ConsoleSection {
  /** The URL segment (`/console/malls/{slug}/{id}`); unique; a plugin's start with its id. */
  id: string
  label: Localized
  icon: Component<JSX.SvgSVGAttributes<SVGSVGElement>>
  group: SectionGroup
  /** The permission the staff member needs to see the section; without it there is no entry. */
  permission: string
  component: Component<SectionProps>
}

/** A plugin's console facet (`"mallkit": { "console": "./src/console/index.tsx" }`). */
export interface PluginConsole {
  pluginId: string
  sections: readonly ConsoleSection[]
}

/**
 * Declares a plugin's console screens. Section ids must start with the plugin id (`coupons`,
 * `coupons-reports`), so two plugins never claim one URL.
 */
export function definePluginConsole(
  pluginId: string,
  sections: readonly ConsoleSection[],
): PluginConsole {
  for (const section of sections)
    if (section.id !== pluginId && !section.id.startsWith(`${pluginId}-`))
      throw new Error(`Console section "${section.id}" of ${pluginId} must start with its id`)
  return { pluginId, sections }
}
