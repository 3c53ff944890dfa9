import { createSignal } from 'solid-js'
import { api, ApiError } from './api.ts'

/** The staff member, their agencies and malls (`GET /api/platform/me`). */
export interface Me {
  user: { id: string; email: string; name: string }
  agencies: { id: string; name: string; role: string }[]
  malls: { id: string; slug: string; name: string; status: string; role: string }[]
}

const [me, setMe] = createSignal<Me | null | undefined>(undefined)

/** The logged-in staff member: undefined while loading, null when logged out (reactive). */
export { me }

/** Loads who is logged in; a 401 means nobody. */
export async function loadMe(): Promise<Me | null> {
  try {
    const found = await api<Me>('/api/platform/me')
    setMe(found)
    return found
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) {
      setMe(null)
      return null
    }
    throw error
  }
}

/** Logs in; throws an `ApiError` when refused. */
export async function logIn(email: string, password: string): Promise<Me | null> {
  await api('/api/platform/auth/login', { method: 'POST', body: { email, password } })
  return loadMe()
}

/** Logs out and forgets the staff member. */
export async function logOut() {
  await api('/api/platform/auth/logout', { method: 'POST' })
  setMe(null)
}
