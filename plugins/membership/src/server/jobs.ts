import type { JobDefinition } from '@mallkit/core/plugin'
import { grantBirthdays } from './birthday.ts'
import { remindExpiringCards } from './card.ts'
import { expireAllPoints } from './expiry.ts'
import { evaluateDueTiers } from './tiers.ts'

/**
 * The daily work, scheduled hourly per mall where membership is on: each is idempotent per day
 * or year (by ledger keys and the evaluation date), so the extra runs cost a query and change
 * nothing, and a mall's midnight is never more than an hour late whatever its timezone.
 */
export const membershipJobs: Record<string, JobDefinition> = {
  'birthday-gifts': {
    schedule: { everyMinutes: 60 },
    handle: (ctx) => grantBirthdays(ctx).then(() => {}),
  },
  'expire-points': {
    schedule: { everyMinutes: 60 },
    handle: (ctx) => expireAllPoints(ctx).then(() => {}),
  },
  'evaluate-tiers': {
    schedule: { everyMinutes: 60 },
    handle: (ctx) => evaluateDueTiers(ctx).then(() => {}),
  },
  'card-reminders': {
    schedule: { everyMinutes: 60 },
    handle: (ctx) => remindExpiringCards(ctx).then(() => {}),
  },
}
