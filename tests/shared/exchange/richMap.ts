/** A map with everything an export must carry: scores, unicode, Dutch text, logs, contacts. */
import * as Y from 'yjs'
import { writeStakeholder } from '../../../shared/document/stakeholderDocument'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'

export const NOW = '2026-05-12T10:00:00.000Z'

/** Three stakeholders: affected farmers, a union speaking for them, and a bank. */
export function richStakeholders(): Stakeholder[] {
  const farmers = createStakeholder(
    {
      id: 'sh-farmers',
      name: 'Cacaoboeren in Ghana — coöperatie “Ɔdɔ”',
      kind: 'group',
      category: 'value-chain-workers',
      valueChainPosition: 'upstream',
      countryOrRegion: 'Ghana (Ashanti)',
      affected: true,
      vulnerable: true,
      vulnerabilityNote: 'Laaggeletterd; angst om contracten te verliezen 😟',
      power: 2,
      legitimacy: 5,
      urgency: 4,
      influence: 1.5,
      impact: 4.75,
      attitude: 'critical',
      interests: 'Leefbaar inkomen',
      concerns: '=HYPERLINK("http://x")',
      notes: 'Regel 1\nRegel 2, met "aanhalingstekens"; en puntkomma',
      impacts: [
        {
          id: 'imp-2',
          description: 'Kinderarbeid op kleine boerderijen',
          topic: 'kinderarbeid',
          actuality: 'actual',
          scale: 5,
          scope: 3,
          irremediability: 4,
          likelihood: null,
        },
        {
          id: 'imp-1',
          description: 'Prijs onder leefbaar inkomen',
          topic: 'leefbaar inkomen',
          actuality: 'potential',
          scale: 3,
          scope: 4,
          irremediability: 2,
          likelihood: 4,
        },
      ],
      engagement: {
        status: 'ongoing',
        intendedLevel: 'involve',
        log: [
          {
            id: 'log-2',
            date: '2026-03-02',
            step: 'cease-prevent-mitigate',
            method: 'Dorpsbijeenkomst met tolk',
            informationShared: 'Actieplan',
            inputReceived: 'Zorgen over prijs',
            howInputWasUsed: 'Premie verhoogd',
            followUp: 'Terugkoppeling in juni',
            barriers: 'Taal, afstand',
            barrierMeasures: 'Tolk Twi, vervoer vergoed',
            confidentiality: 'internal',
          },
          {
            id: 'log-1',
            date: '2025-11-20',
            step: 'identify-assess',
            method: 'Interviews',
            informationShared: '',
            inputReceived: 'Kinderarbeid in oogsttijd',
            howInputWasUsed: 'Opgenomen in risicoanalyse',
            followUp: '',
            barriers: '',
            barrierMeasures: '',
            confidentiality: 'confidential',
          },
        ],
      },
      contacts: [
        {
          id: 'c-1',
          name: 'Ama Owusu',
          role: 'Voorzitter',
          organisation: 'Coöperatie Ɔdɔ',
          email: 'ama@example.org',
          phone: '+233 20 123 4567',
          notes: 'Liever WhatsApp',
        },
      ],
    },
    { now: NOW },
  )
  const union = createStakeholder(
    {
      id: 'sh-union',
      name: 'FNV Mondiaal',
      category: 'trade-unions',
      countryOrRegion: 'Nederland',
      represents: ['sh-farmers'],
      power: 3,
      legitimacy: 4,
      urgency: 3,
      influence: 3.25,
      impact: 2,
      attitude: 'supportive',
      contacts: [
        {
          id: 'c-2',
          name: 'Jan de Vries',
          role: 'Beleidsadviseur',
          organisation: 'FNV',
          email: 'jan@example.nl',
          phone: '',
          notes: '',
        },
      ],
    },
    { now: NOW },
  )
  const bank = createStakeholder(
    {
      id: 'sh-bank',
      name: 'Bank',
      category: 'investors-financiers',
      power: 5,
      legitimacy: 3,
      urgency: 1,
      influence: 4.5,
      impact: 1,
      engagement: { status: 'planned', intendedLevel: 'inform', log: [] },
    },
    { now: NOW },
  )
  return [bank, union, farmers]
}

/** The map document of {@link richDocuments}: what every role receives. */
export function richDoc(): Y.Doc {
  return richDocuments().doc
}

/**
 * A map's two documents holding the rich stakeholders, some tldraw records and metadata:
 * the map document, and the confidential one with the contacts and the confidential entry.
 */
export function richDocuments(): { doc: Y.Doc; confidential: Y.Doc } {
  const doc = new Y.Doc()
  const confidential = new Y.Doc()
  for (const stakeholder of richStakeholders()) {
    const result = writeStakeholder(doc, stakeholder, null, confidential)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
  }
  const tldraw = doc.getMap<unknown>('tldraw')
  tldraw.set('page:page', {
    id: 'page:page',
    typeName: 'page',
    name: 'Pagina 1',
    index: 'a1',
    meta: {},
  })
  tldraw.set('shape:b', {
    typeName: 'shape',
    id: 'shape:b',
    type: 'stakeholder-card',
    x: -120.5,
    y: 0.1 + 0.2,
    rotation: 0,
    props: { stakeholderId: 'sh-farmers', w: 240, h: 120, label: 'Ɔdɔ 🌱' },
    meta: {},
    parentId: 'page:page',
    index: 'a1',
  })
  doc.getMap<unknown>('meta').set('tldrawSchema', {
    schemaVersion: 2,
    sequences: { 'com.tldraw.shape': 4, 'com.tldraw.page': 1 },
  })
  doc.getMap<unknown>('meta').set('createdBy', 'facilitator')
  return { doc, confidential }
}

/** The text of the confidential log entry of the rich stakeholders. */
export const CONFIDENTIAL_INPUT = 'Kinderarbeid in oogsttijd'
