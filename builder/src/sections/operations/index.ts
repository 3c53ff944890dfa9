import type { ConsoleSection } from '../section.ts'

/** Running the store: orders, customers, staff and roles, the audit log. */
export const operationsSections: ConsoleSection[] = []
