/**
 * Which dialogue plan is which table's phase-2 worksheet (issue 21): the board binds table
 * n's worksheet to the plan `plan-phase2-table-<n>` (1-based; client/templates/serPhase2Board.ts),
 * so the report can print each table's filled-in worksheet under its table.
 */

/** The id of table `index`'s dialogue plan (0-based index; fixed, so two trainers make one plan). */
export function phase2PlanId(index: number): string {
  return `plan-phase2-table-${index + 1}`
}

const WORKSHEET_PLAN = /^plan-phase2-table-([1-9]\d{0,2})$/

/** The table (1-based) whose worksheet the plan is, or null for any other plan. */
export function worksheetTableOf(planId: string): number | null {
  const table = WORKSHEET_PLAN.exec(planId)?.[1]
  return table === undefined ? null : Number(table)
}
