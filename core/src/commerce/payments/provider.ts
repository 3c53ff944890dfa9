import type { z } from '@hono/zod-openapi'

/** What the customer does next to pay: follow a link, scan a code, or hand parameters to an SDK. */
export type NextStep =
  | { type: 'redirect'; url: string }
  | { type: 'qr_code'; content: string }
  | { type: 'client'; params: Record<string, string> }

/** The payment row a provider works on (amount in minor units). */
export interface PaymentRecord {
  id: string
  orderId: string
  amount: number
  currency: string
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled'
  providerRef: string | null
}

/** Where the payment is being made: the mall's public origin and path prefix. */
export interface PaymentSite {
  /** `https://shop.example.com` or `http://localhost:3000`: absolute URLs for gateways. */
  origin: string
  /** `''` on the mall's own host, `/s/{slug}` on the platform host. */
  prefix: string
  mallName: string
}

/** Input of `createPayment`; runs outside the database transaction (it may call the network). */
export interface CreatePaymentInput<Config> {
  config: Config
  payment: PaymentRecord
  orderNumber: string
  site: PaymentSite
  now: Date
}

/** A provider notification as it arrived: headers and the exact body bytes, for verification. */
export interface NotificationRequest {
  headers: Headers
  rawBody: string
}

/**
 * What a verified, decoded notification says. `deliveryId` identifies this one delivery (the
 * signature's nonce): the same delivery seen twice is a replay, a new delivery of an already
 * recorded notification is the gateway retrying.
 */
export interface VerifiedNotification {
  notificationId: string
  deliveryId: string
  providerRef: string | null
  paymentId: string
  amount: number
  status: 'succeeded' | 'failed'
  /** The decoded content, stored with the notification. */
  body: Record<string, unknown>
}

/** Input of `refund`; runs outside the database transaction. */
export interface RefundInput<Config> {
  config: Config
  payment: PaymentRecord
  refundId: string
  amount: number
  reason: string
  site: PaymentSite
  now: Date
}

/** A provider's answer to a refund: done, or accepted and still processing. */
export interface RefundResult {
  status: 'succeeded' | 'pending'
  providerRef: string | null
}

/** The provider's view of a payment. */
export interface PaymentQueryResult {
  status: 'pending' | 'succeeded' | 'failed'
  providerRef: string | null
}

/**
 * A payment method a mall can enable, registered by name. Every method that crosses the network
 * runs outside the database transaction; `handleNotification` must verify before it decodes and
 * throws a 4xx `MallError` for anything it cannot trust (nothing is written then).
 */
export interface PaymentProvider<Config extends Record<string, unknown> = Record<string, unknown>> {
  readonly name: string
  /** Whether a customer may start a payment with it (`manual` is recorded by staff only). */
  readonly customerFacing: boolean
  /** The per-mall configuration stored in `core__payment_provider.config`. */
  readonly configSchema: z.ZodType<Config>
  /** Config fields that are write-only: never returned by the admin API. */
  readonly secretFields: readonly string[]
  /** Fills in generated values on first use (a new secret); the caller stores what it returns. */
  prepareConfig?(config: Config): Config | null
  createPayment(input: CreatePaymentInput<Config>): Promise<NextStep>
  handleNotification(
    request: NotificationRequest,
    config: Config,
    now: Date,
  ): Promise<VerifiedNotification>
  query(payment: PaymentRecord, config: Config, now: Date): Promise<PaymentQueryResult>
  refund(input: RefundInput<Config>): Promise<RefundResult>
}

/** Declares a provider with its config type inferred from the schema. */
export function definePaymentProvider<Config extends Record<string, unknown>>(
  provider: PaymentProvider<Config>,
): PaymentProvider<Config> {
  return provider
}
