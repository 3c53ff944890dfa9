import { parseMoney } from '../../../../../builder/src/kit/money.ts'
import type { Adjustment } from '../client.ts'

/** What staff typed into the adjustment form. */
export interface AdjustDraft {
  ledger: Adjustment['ledger']
  direction: 'add' | 'deduct'
  amount: string
  reason: string
}

/** The messages a refused draft shows next to its inputs. */
export interface AdjustMessages {
  amountInvalid: string
  moneyInvalid: string
  reasonInvalid: string
}

/**
 * The adjustment a draft asks for (points and growth whole, the balance in yuan with up to two
 * decimals, as minor units), or the complaint of each field in place; nothing is sent until it
 * is clean. The server checks again (caps, never below zero).
 */
export function checkAdjustment(
  draft: AdjustDraft,
  t: AdjustMessages,
): { body: Adjustment; errors?: undefined } | { body?: undefined; errors: Record<string, string> } {
  const size =
    draft.ledger === 'balance'
      ? parseMoney(draft.amount)
      : /^\s*\d{1,8}\s*$/.test(draft.amount)
        ? Number(draft.amount)
        : null
  const errors: Record<string, string> = {}
  if (size === null || size <= 0)
    errors.delta = draft.ledger === 'balance' ? t.moneyInvalid : t.amountInvalid
  if (draft.reason.trim().length < 2) errors.reason = t.reasonInvalid
  if (size === null || Object.keys(errors).length > 0) return { errors }
  const delta = draft.direction === 'add' ? size : -size
  return { body: { ledger: draft.ledger, delta, reason: draft.reason.trim() } }
}
