/**
 * The `facilitation` root of a map's Y.Doc, read as one value: what owners and facilitators
 * set for everyone (the server drops changes to it from other roles) — the agenda, the
 * running timer and its sound, follow-me and spotlight requests, the template lock, table groups, and which
 * scoring round, vote or dialogue-evaluation round is open. Each key has its own reader next to its rules (agenda.ts,
 * timer.ts, …); what participants contribute lives in the `workshop` root and `hands` array
 * (privateScoring.ts, dotVoting.ts, raisedHands.ts).
 *
 * The SER workshop has 12–20 participants at four tables and two trainers, in the room and
 * remote: this is what makes all of them see the same thing.
 */
import type * as Y from 'yjs'
import { FACILITATION_MAP } from '../document/mapDocumentLayout'
import { type AgendaBlock, readAgenda } from './agenda'
import { type BallotCount, readBallotCount } from './ballots'
import { type DotVote, readDotVote } from './dotVoting'
import { type EvaluationRound, readEvaluationRound } from './evaluationRound'
import { type ScoringRound, readScoringRound } from './privateScoring'
import { type RolePlayRounds, readRolePlayRounds } from './rolePlayRounds'
import { type TableGroups, readTableGroups } from './tableGroups'
import { type TimerState, readTimer } from './timer'
import {
  type BringHereRequest,
  type SpotlightRequest,
  type ViewRequest,
  readBringHere,
  readSpotlight,
  readViewRequest,
} from './viewRequests'

/** Everything in `facilitation`, with defaults for what is not set. */
export interface FacilitationState {
  agenda: AgendaBlock[]
  timer: TimerState | null
  followMe: ViewRequest | null
  bringHere: BringHereRequest | null
  spotlight: SpotlightRequest | null
  templateLocked: boolean
  groups: TableGroups | null
  scoring: ScoringRound | null
  vote: DotVote | null
  /** The round of evaluating a dialogue on the SER elements (evaluationRound.ts). */
  evaluation: EvaluationRound | null
  /** The facilitator's choice to sound a tone when a countdown reaches zero (off unless set). */
  timerSound: boolean
  /** How many have handed in a ballot in the open round or vote (server-written). */
  ballotCount: BallotCount | null
  /** The role play's rounds and their observers (rolePlayRounds.ts). */
  rolePlayRounds: RolePlayRounds
}

/** Every key the `facilitation` root may hold; the server refuses others (documentShape.ts). */
export const FACILITATION_KEYS = [
  'agenda',
  'timer',
  'followMe',
  'bringHere',
  'spotlight',
  'templateLocked',
  'groups',
  'scoring',
  'vote',
  'evaluation',
  'timerSound',
  'ballotCount',
  'rolePlayRounds',
] as const satisfies readonly (keyof FacilitationState)[]

function facilitationMap(doc: Y.Doc) {
  return doc.getMap<unknown>(FACILITATION_MAP)
}

/**
 * True while the template is locked; cheaper than {@link readFacilitation} for the checks
 * that run on every shape change (client) or update (server).
 */
export function readTemplateLocked(doc: Y.Doc): boolean {
  return facilitationMap(doc).get('templateLocked') === true
}

/** The facilitation state, validated (peers may write anything; readers must not break). */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  const map = facilitationMap(doc)
  return {
    agenda: readAgenda(map.get('agenda')),
    timer: readTimer(map.get('timer')),
    followMe: readViewRequest(map.get('followMe')),
    bringHere: readBringHere(map.get('bringHere')),
    spotlight: readSpotlight(map.get('spotlight')),
    templateLocked: readTemplateLocked(doc),
    groups: readTableGroups(map.get('groups')),
    scoring: readScoringRound(map.get('scoring')),
    vote: readDotVote(map.get('vote')),
    evaluation: readEvaluationRound(map.get('evaluation')),
    timerSound: map.get('timerSound') === true,
    ballotCount: readBallotCount(map.get('ballotCount')),
    rolePlayRounds: readRolePlayRounds(map.get('rolePlayRounds')),
  }
}

/** Writes one facilitation setting (facilitators only; the server enforces it). */
export function setFacilitation<K extends keyof FacilitationState>(
  doc: Y.Doc,
  key: K,
  value: FacilitationState[K],
  origin?: unknown,
) {
  doc.transact(() => {
    if (value === null) facilitationMap(doc).delete(key)
    else facilitationMap(doc).set(key, value)
  }, origin)
}
