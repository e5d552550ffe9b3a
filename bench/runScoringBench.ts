import { generatedStakeholder, seededRandom } from './cold/buildMapDocument'
import { classifySalience } from '../shared/scoring/classifySalience'
import { engagementQuadrant } from '../shared/scoring/engagementQuadrant'
import { prioritiseStakeholders } from '../shared/scoring/prioritiseStakeholders'
import { salienceScore } from '../shared/scoring/salienceScore'

/** Time to score a register with the shared model. */
export interface ScoringResult {
  stakeholders: number
  /** classifySalience + salienceScore + engagementQuadrant of every stakeholder. */
  classifyMs: number
  /** prioritiseStakeholders of the whole register. */
  prioritiseMs: number
  totalMs: number
  perThousandMs: number
}

/** Classifies and prioritises `n` generated stakeholders (best of three runs). */
export function runScoringBench(n: number): ScoringResult {
  const random = seededRandom(7)
  const stakeholders = Array.from({ length: n }, (_, i) => generatedStakeholder(i, random))
  let best: ScoringResult | null = null
  for (let run = 0; run < 3; run++) {
    let checksum = 0
    const started = performance.now()
    for (const stakeholder of stakeholders) {
      checksum += classifySalience(stakeholder).length
      checksum += salienceScore(stakeholder)
      checksum += engagementQuadrant(stakeholder).length
    }
    const classified = performance.now()
    checksum += prioritiseStakeholders(stakeholders).length
    const done = performance.now()
    if (checksum === 0) throw new Error('scoring produced nothing')
    const totalMs = done - started
    if (!best || totalMs < best.totalMs) {
      best = {
        stakeholders: n,
        classifyMs: classified - started,
        prioritiseMs: done - classified,
        totalMs,
        perThousandMs: totalMs / (n / 1000),
      }
    }
  }
  if (!best) throw new Error('no scoring run')
  return best
}
