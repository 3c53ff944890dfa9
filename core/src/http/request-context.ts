import { getConnInfo } from '@hono/node-server/conninfo'
import type { MiddlewareHandler } from 'hono'
import { getPath } from 'hono/utils/url'
import type { Logger } from 'pino'
import { randomUUID } from 'node:crypto'

const REQUEST_ID = /^[\w.:-]{1,128}$/

/**
 * Gives every request an id (the caller's `X-Request-Id` when well-formed), a child logger that
 * carries it, the client IP, and one access log line when the response is done.
 */
export function requestContext(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    c.set('requestId', requestId)
    c.set('log', log.child({ reqId: requestId }))
    c.set('ip', clientIp(c))
    // Set before the handler runs: a header added to a finished response would make the Node
    // adapter rebuild it (and re-encode its body) instead of writing it straight out.
    c.header('x-request-id', requestId)
    const started = performance.now()
    await next()
    if (log.isLevelEnabled('info'))
      c.get('log').info(
        {
          method: c.req.method,
          path: getPath(c.req.raw),
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      )
  }
}

function clientIp(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // app.request() in tests has no socket.
    return '127.0.0.1'
  }
}
