import { createHash } from 'node:crypto'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'

/** A stable hash of a request's content, to tell a retry from a different request. */
export function requestHash(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/**
 * Claims `key` in `scope` for this transaction. Returns the stored response of an earlier request
 * with the same key and content (a retry), or null when the key is new (the caller then stores its
 * response with `storeIdempotentResponse` in the same transaction). The same key with other
 * content is a 422 naming the header. A concurrent claim waits for the first to commit.
 */
export async function claimIdempotencyKey(
  ctx: MallContext,
  scope: string,
  key: string,
  hash: string,
): Promise<Record<string, unknown> | null> {
  const inserted = await ctx.db
    .insertInto('core__idempotency')
    .values({
      tenant_id: ctx.tenant.id,
      scope,
      key,
      request_hash: hash,
      response: JSON.stringify({}),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst()
  if (inserted) return null
  const earlier = await ctx.db
    .selectFrom('core__idempotency')
    .select(['request_hash', 'response'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirstOrThrow()
  if (earlier.request_hash !== hash)
    throw new MallError(
      'validation_failed',
      'This Idempotency-Key was used for a different request',
      {
        errors: [
          { field: 'header.idempotency-key', message: 'already used with different content' },
        ],
      },
    )
  return earlier.response as Record<string, unknown>
}

/** Stores the response of the request that claimed `key`. */
export async function storeIdempotentResponse(
  ctx: MallContext,
  scope: string,
  key: string,
  response: Record<string, unknown>,
): Promise<void> {
  await ctx.db
    .updateTable('core__idempotency')
    .set({ response: JSON.stringify(response) })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute()
}
