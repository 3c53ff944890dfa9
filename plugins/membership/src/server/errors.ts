import { definePluginErrors } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'

/** The membership plugin's error codes (`membership:<code>` in problem documents). */
export const membershipError = definePluginErrors(manifest, {
  insufficient_points: { status: 409, title: 'Not enough points' },
  insufficient_balance: { status: 409, title: 'Not enough balance' },
  balance_cap: { status: 409, title: 'The balance would exceed what this mall allows' },
  idempotency_mismatch: { status: 422, title: 'This Idempotency-Key was used for another request' },
  already_checked_in: { status: 409, title: 'Already checked in on that day' },
  make_up_refused: { status: 409, title: 'This day cannot be made up' },
  birthday_set: { status: 409, title: 'The birthday is already set' },
  not_enabled: { status: 409, title: 'This part of membership is switched off in this mall' },
  card_refused: { status: 409, title: 'The member card cannot be given' },
  top_up_state: { status: 409, title: 'The top-up cannot move to that status' },
  top_up_alone: { status: 409, title: 'A top-up is bought on its own, at face value' },
})
