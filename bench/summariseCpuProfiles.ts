import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** The functions that spent the most self time over all `.cpuprofile` files in a directory. */
export interface CpuProfileSummary {
  files: number
  /** Time the profiled processes were busy (not idle), summed. */
  totalMs: number
  top: { name: string; where: string; selfMs: number; percent: number }[]
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

/** Reads V8 CPU profiles (`node --cpu-prof`) and ranks functions by self time. */
export function summariseCpuProfiles(dir: string, count: number): CpuProfileSummary {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))
  const self = new Map<string, { name: string; where: string; micros: number }>()
  let totalMicros = 0
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: ProfileNode[]
      samples: number[]
      timeDeltas: number[]
    }
    const byId = new Map(profile.nodes.map((node) => [node.id, node]))
    profile.samples.forEach((id, i) => {
      const node = byId.get(id)
      const micros = profile.timeDeltas[i] ?? 0
      if (!node) return
      const { functionName, url, lineNumber } = node.callFrame
      const name = functionName || '(anonymous)'
      const where = `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '')}:${lineNumber + 1}`
      const key = `${name}@${where}`
      const entry = self.get(key) ?? { name, where, micros: 0 }
      entry.micros += micros
      self.set(key, entry)
      // Shares are of the time the server was busy: idle time would dilute them to nothing.
      if (name !== '(idle)') totalMicros += micros
    })
  }
  const top = [...self.values()]
    .filter((entry) => entry.name !== '(idle)')
    .sort((a, b) => b.micros - a.micros)
    .slice(0, count)
    .map((entry) => ({
      name: entry.name,
      where: entry.where,
      selfMs: entry.micros / 1000,
      percent: (entry.micros / totalMicros) * 100,
    }))
  return { files: files.length, totalMs: totalMicros / 1000, top }
}
