import type { ConsoleSection } from '../section.ts'

/** The catalog's screens: products, categories, inventory. */
export const catalogSections: ConsoleSection[] = []
