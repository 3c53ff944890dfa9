import type { MigrationSet } from '../migrator.ts'
import * as m0001 from './0001-roles-and-platform.ts'
import * as m0002 from './0002-tenant-core.ts'
import * as m0003 from './0003-commerce.ts'
import * as m0004 from './0004-commerce-settings.ts'
import * as m0006 from './0006-pages.ts'
import * as m0007 from './0007-order-line-position.ts'
import * as m0008 from './0008-storefront-notify.ts'
import * as m0009 from './0009-mall-templates.ts'
import * as m0010 from './0010-page-tools.ts'

/**
 * The core's migrations, in order. Append only: a shipped migration is never edited, and a new one
 * always sorts after the last (the migrator refuses one that sorts before an applied migration, so
 * the unused number 0005 stays unused).
 */
export const coreMigrations: MigrationSet = {
  owner: 'core',
  migrations: {
    '0001-roles-and-platform': m0001,
    '0002-tenant-core': m0002,
    '0003-commerce': m0003,
    '0004-commerce-settings': m0004,
    '0006-pages': m0006,
    '0007-order-line-position': m0007,
    '0008-storefront-notify': m0008,
    '0009-mall-templates': m0009,
    '0010-page-tools': m0010,
  },
}
