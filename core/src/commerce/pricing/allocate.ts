/**
 * Splits `amount` (a non-negative integer of minor units) over lines in proportion to their
 * `weights` (non-negative integers, usually line totals), so the shares sum to exactly `amount`.
 *
 * The rounding rule (largest remainder): each line first gets the floor of its exact share
 * `amount × weight / Σweights`; the minor units still left over go, one each, to the lines with
 * the largest fractional remainders, ties going to the earlier line. No share exceeds its weight
 * when `amount ≤ Σweights`. With all weights zero, nothing can be allocated and every share is 0.
 *
 * @example allocateProportionally([100, 200], 100) // → [33, 67]
 */
export function allocateProportionally(weights: readonly number[], amount: number): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0)
  if (total <= 0 || amount <= 0) return weights.map(() => 0)
  // BigInt keeps amount × weight exact beyond 2^53.
  const big = BigInt(amount)
  const bigTotal = BigInt(total)
  const shares = weights.map((w) => (big * BigInt(w)) / bigTotal)
  const remainders = weights.map((w, index) => ({ index, rest: (big * BigInt(w)) % bigTotal }))
  let left = big - shares.reduce((sum, s) => sum + s, 0n)
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1))
  for (const { index } of remainders) {
    if (left === 0n) break
    shares[index] = (shares[index] ?? 0n) + 1n
    left -= 1n
  }
  return shares.map(Number)
}
