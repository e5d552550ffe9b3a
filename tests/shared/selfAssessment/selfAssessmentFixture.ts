/** A filled-in self-assessment for the tests: two elements orange and red, the rest green. */
import { createSelfAssessment } from '../../../shared/selfAssessment/createSelfAssessment'

export const NOW = '2026-03-02T09:30:00.000Z'

export const selfAssessment = () =>
  createSelfAssessment(
    {
      id: 'sa-cocoa',
      subject: 'Cocoa Trading BV',
      date: '2026-03-01',
      elements: {
        motivation: { rating: 'green', note: 'Board asks for it' },
        commitment: { rating: 'green', note: '' },
        inclusion: { rating: 'orange', note: 'We only talk to NGOs, not to farmers' },
        transparency: { rating: 'green', note: '' },
        'personal-contact': { rating: 'green', note: '' },
        'organising-the-conversation': { rating: 'red', note: 'No interpreter ever' },
        'internal-processes': { rating: 'green', note: '' },
        collaboration: { rating: null, note: '' },
        knowledge: { rating: 'green', note: '' },
      },
      notes: 'Taken by the sustainability manager',
    },
    { locale: 'en', now: NOW },
  )
