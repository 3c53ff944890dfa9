import { createSignal, onMount } from 'solid-js'
import type { ProgramView } from '../../server/program.ts'
import { membershipApi } from './api.ts'
import type { Personal } from './personal.ts'

/** The mall's programme as `GET /api/store/p/membership/program` answers it (the same for all). */
export type Program = ProgramView
export type ProgramTier = Program['tiers'][number]
export type CardPlan = Program['card']['plans'][number]

// One request per page, however many blocks show the programme.
const loads = new Map<string, Promise<Program>>()

function loadProgram(base: string): Promise<Program> {
  let load = loads.get(base)
  if (!load) {
    load = membershipApi<Program>(base, '/program')
    // A failure is not remembered: the next block (or retry) asks again.
    load.catch(() => loads.delete(base))
    loads.set(base, load)
  }
  return load
}

/**
 * The programme for a block, fetched by the browser after hydration: the plugin's blocks have no
 * server loader, so the server and the hydrating render both show it loading. It is not personal:
 * a guest sees it too. (`guest` never happens; the type is shared with `BlockStates`.)
 */
export function createProgram(base: string) {
  const [value, setValue] = createSignal<Personal<Program>>({ state: 'loading' })
  const reload = async () => {
    setValue({ state: 'loading' })
    try {
      setValue({ state: 'ready', data: await loadProgram(base) })
    } catch {
      setValue({ state: 'failed' })
    }
  }
  onMount(() => void reload())
  const ready = () => {
    const v = value()
    return v.state === 'ready' ? v.data : undefined
  }
  return { value, ready, reload }
}
