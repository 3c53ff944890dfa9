import { html } from 'hono/html'

/** What the hosted pay page shows. */
export interface SandboxPageInput {
  mallName: string
  paymentId: string
  amount: number
  currency: string
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled'
  /** Where the forms post: `{prefix}/pay/sandbox/{paymentId}/complete`. */
  completeUrl: string
  /** Back to the mall's pay page of the order, which shows how the payment ended. */
  returnUrl: string
}

/** Minor units as yuan with two decimals (12345 → "123.45"). */
export function formatYuan(amount: number): string {
  return `${Math.trunc(amount / 100)}.${String(Math.abs(amount) % 100).padStart(2, '0')}`
}

const statusText = {
  succeeded: 'Paid.',
  failed: 'The payment failed.',
  cancelled: 'The payment was cancelled.',
} as const

/** The sandbox gateway's hosted pay page: the mall, the amount in yuan, and Pay / Fail. */
export function sandboxPage(input: SandboxPageInput) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Sandbox payment · ${input.mallName}</title>
      </head>
      <body>
        <main>
          <p>Sandbox gateway: no real money moves.</p>
          <h1>${input.mallName}</h1>
          <p>Amount: <strong data-amount>¥${formatYuan(input.amount)}</strong> ${input.currency}</p>
          ${
            input.status === 'pending'
              ? html`<form method="post" action="${input.completeUrl}">
                    <input type="hidden" name="outcome" value="pay" />
                    <button type="submit">Pay</button>
                  </form>
                  <form method="post" action="${input.completeUrl}">
                    <input type="hidden" name="outcome" value="fail" />
                    <button type="submit">Fail</button>
                  </form>`
              : html`<p data-status="${input.status}">${statusText[input.status]}</p>`
          }
          <p><a href="${input.returnUrl}" data-return>Back to ${input.mallName}</a></p>
        </main>
      </body>
    </html>`
}
