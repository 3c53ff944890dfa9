/** The order events the kernel emits (through the outbox for afterCommit hooks). */
export interface OrderEventPayload {
  orderId: string
  number: string
  customerId: string
  total: number
  currency: string
}

declare module '../../events/events.ts' {
  interface MallEvents {
    'order.placed': OrderEventPayload
    'order.paid': OrderEventPayload & { paymentId: string }
    'order.shipped': OrderEventPayload & { shipmentId: string; complete: boolean }
    'order.received': OrderEventPayload
    'order.completed': OrderEventPayload
    'order.cancelled': OrderEventPayload & { reason: string }
  }
}
