import { opsText } from './strings.ts'

/** The link from a detail screen back to its section's list. */
export function BackLink(p: { href: string; go: () => void }) {
  return (
    <p>
      <a
        href={p.href}
        onClick={(e) => {
          e.preventDefault()
          p.go()
        }}
      >
        ← {opsText().back}
      </a>
    </p>
  )
}
