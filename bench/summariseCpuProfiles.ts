import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** One function's time in the profiles. */
export interface ProfiledFunction {
  name: string
  where: string
  /** Time in the function itself (self) or in it and what it called (inclusive). */
  selfMs: number
  percent: number
}

/** The functions that spent the most time over all `.cpuprofile` files in a directory. */
export interface CpuProfileSummary {
  files: number
  /** Time the profiled processes were busy (not idle), summed. */
  totalMs: number
  /** Ranked by self time. */
  top: ProfiledFunction[]
  /** Ranked by inclusive time (the function and everything it called). */
  inclusive: ProfiledFunction[]
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** Reads V8 CPU profiles and ranks functions by self and by inclusive time. */
export function summariseCpuProfiles(dir: string, count: number): CpuProfileSummary {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))
  const self = new Map<string, { name: string; where: string; micros: number }>()
  const inclusive = new Map<string, { name: string; where: string; micros: number }>()
  let totalMicros = 0
  const add = (
    into: typeof self,
    key: string,
    name: string,
    where: string,
    micros: number,
  ): void => {
    const entry = into.get(key) ?? { name, where, micros: 0 }
    entry.micros += micros
    into.set(key, entry)
  }
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: ProfileNode[]
      samples: number[]
      timeDeltas: number[]
    }
    const byId = new Map(profile.nodes.map((node) => [node.id, node]))
    const parentOf = new Map<number, number>()
    for (const node of profile.nodes) {
      for (const child of node.children ?? []) parentOf.set(child, node.id)
    }
    const keyOf = (node: ProfileNode) => {
      const { functionName, url, lineNumber } = node.callFrame
      const name = functionName || '(anonymous)'
      const where = `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(main|wt\/[^/]+)\//, '')}:${lineNumber + 1}`
      return { key: `${name}@${where}`, name, where }
    }
    profile.samples.forEach((id, i) => {
      const node = byId.get(id)
      // A sample's time is the delta to the next one (V8 records the gap before each).
      const micros = profile.timeDeltas[i + 1] ?? 0
      if (!node) return
      const { key, name, where } = keyOf(node)
      add(self, key, name, where, micros)
      // Shares are of the time the server was busy: idle time would dilute them to nothing.
      if (name === '(idle)') return
      totalMicros += micros
      // Each function on the stack once, however often it recurs.
      const seen = new Set<string>()
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        const frame = byId.get(at)
        if (!frame) break
        const framed = keyOf(frame)
        if (seen.has(framed.key) || framed.name === '(root)') continue
        seen.add(framed.key)
        add(inclusive, framed.key, framed.name, framed.where, micros)
      }
    })
  }
  const rank = (entries: typeof self) =>
    [...entries.values()]
      .filter((entry) => entry.name !== '(idle)')
      .sort((a, b) => b.micros - a.micros)
      .slice(0, count)
      .map((entry) => ({
        name: entry.name,
        where: entry.where,
        selfMs: entry.micros / 1000,
        percent: (entry.micros / totalMicros) * 100,
      }))
  return {
    files: files.length,
    totalMs: totalMicros / 1000,
    top: rank(self),
    inclusive: rank(inclusive),
  }
}
