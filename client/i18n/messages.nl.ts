import type { MessageKey } from './messages.en'

/** Nederlandse teksten van de interface. */
export const nl: Record<MessageKey, string> = {
  'app.name': 'Stakeholder Canvas',
  'app.tagline':
    'Breng samen je stakeholders in kaart en bewaar de kaart als onderbouwing van je due diligence.',
  'home.create.heading': 'Nieuwe stakeholderkaart',
  'home.create.titleLabel': 'Titel',
  'home.create.titlePlaceholder': 'bijv. Cacaoketen, workshop 12 mei',
  'home.create.submit': 'Kaart maken',
  'home.create.creating': 'Bezig met maken…',
  'home.create.failed': 'De kaart kon niet worden gemaakt: {reason}',
  'home.recent.heading': 'Recent geopend',
  'home.recent.empty': 'Kaarten die je opent, verschijnen hier.',
  'home.recent.forget': 'Uit lijst verwijderen',
  'language.label': 'Taal',
  'user.nameLabel': 'Je naam',
  'user.namePlaceholder': 'Zichtbaar voor anderen op de kaart',
  'map.back': 'Alle kaarten',
  'map.loading': 'De kaart wordt geladen…',
  'map.notFound': 'Deze kaart bestaat niet, of de link is onvolledig.',
  'map.refused': 'De server weigerde de verbinding ({code}).',
  'map.outdated':
    'Deze kaart is gewijzigd met een nieuwere versie van Stakeholder Canvas. Laad de pagina opnieuw om verder te werken.',
  'map.reload': 'Opnieuw laden',
  'map.readOnly': 'Alleen lezen',
  'status.connecting': 'Verbinden…',
  'status.connected': 'Verbonden',
  'status.reconnecting': 'Opnieuw verbinden…',
  'status.offline': 'Offline — wijzigingen blijven bewaard en gaan mee zodra je terug bent',
  'status.refused': 'Niet verbonden',
}
