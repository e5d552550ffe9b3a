import { useEffect, useState } from 'react'
import type { SessionResponse } from '../../shared/protocol/sessionApi'
import { fetchSession } from '../config/apiClient'

/**
 * The server's `GET /api/session` answer, or null until it came (or when it did not: the
 * page then works as in open mode).
 */
export function useSession(): SessionResponse | null {
  const [session, setSession] = useState<SessionResponse | null>(null)
  useEffect(() => {
    let current = true
    fetchSession()
      .then((answer) => {
        if (current) setSession(answer)
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [])
  return session
}
