/** The keys each set of trainers' wording may hold in the map file (trainerWording.ts). */
import { EXAMPLE_WORKSHEET_KEYS } from '../dialogue/exampleWorksheet'
import { FOLLOW_UP_STEPS } from '../workshop/followUpSteps'
import type { WordingRoot } from '../workshop/trainerWording'

export const WORDING_KEYS: readonly (readonly [WordingRoot, readonly string[]])[] = [
  ['exampleWorksheet', EXAMPLE_WORKSHEET_KEYS],
  ['followUpSteps', FOLLOW_UP_STEPS],
]
