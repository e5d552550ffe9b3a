import type { EngagementQuadrant } from '../../../shared/scoring/engagementQuadrant'

/**
 * Background of each quadrant of the matrix, also shown in the board's legend: warm for the
 * high-influence half, blue for the affected with little voice, grey for monitor. Light
 * enough for dark text and cards on top.
 */
export const QUADRANT_FILLS: Record<Exclude<EngagementQuadrant, 'unassessed'>, string> = {
  'manage-closely': '#fde8e6',
  'keep-satisfied': '#fff4dc',
  empower: '#e3f1fb',
  monitor: '#eef1f4',
}
