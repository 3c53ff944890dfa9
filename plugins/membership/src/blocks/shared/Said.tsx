/** What a block last said about the shopper's action: done, or why not. */
export interface Saying {
  text: string
  error?: boolean
}

/**
 * The line a block answers an action on (a check-in, a top-up, an exchange). Always rendered, empty
 * until there is something to say, so a screen reader announces the text when it appears.
 */
export function Said(p: { said: Saying | undefined }) {
  return (
    <p
      class="mk-member__said"
      role="status"
      classList={{ 'mk-member__said--error': p.said?.error }}
    >
      {p.said?.text ?? ''}
    </p>
  )
}
