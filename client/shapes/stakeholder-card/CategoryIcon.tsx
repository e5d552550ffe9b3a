import type { StakeholderCategory } from '../../../shared/stakeholder/Stakeholder'

/**
 * One simple line icon per stakeholder category (24 × 24, stroke only), drawn here rather
 * than fetched, so cards render offline and export cleanly to SVG.
 */
const ICON_PATHS: Record<StakeholderCategory, string> = {
  // Person with a badge.
  employees: 'M12 4a3.5 3.5 0 1 1 0 7a3.5 3.5 0 0 1 0-7M5 20c0-4 3-6.5 7-6.5s7 2.5 7 6.5M10 16h4',
  // Three people side by side.
  'trade-unions':
    'M7 7a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5M17 7a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5M12 5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5M3 19c0-3 2-4.5 4-4.5M21 19c0-3-2-4.5-4-4.5M8 19c0-3.5 2-5.5 4-5.5s4 2 4 5.5',
  // Hard hat.
  'value-chain-workers': 'M4 17h16M6 17v-3a6 6 0 0 1 12 0v3M12 8v4M3 19h18',
  // Truck.
  'suppliers-business-partners':
    'M3 6h11v10H3zM14 10h4l3 3v3h-7M7 18a1.8 1.8 0 1 0 0 .1M17 18a1.8 1.8 0 1 0 0 .1',
  // Two houses.
  'local-communities': 'M3 20V11l5-4l5 4v9M13 20v-6l4-3l4 3v6M6 20v-4h4v4M2 20h20',
  // Tent.
  'indigenous-peoples': 'M12 3L3 20h18L12 3M12 3v17M9 20l3-5l3 5',
  // Shopping bag.
  'customers-consumers': 'M5 8h14l-1 12H6L5 8M9 8V6a3 3 0 0 1 6 0v2',
  // Megaphone.
  'ngos-civil-society': 'M4 10v4h3l8 4V6l-8 4H4M18 9a4 4 0 0 1 0 6M8 14l1 5h2l-1-5',
  // Public building with columns.
  'government-regulators': 'M3 9l9-5l9 5M4 9h16M6 9v8M10 9v8M14 9v8M18 9v8M3 20h18M4 17h16',
  // Stack of coins.
  'investors-financiers':
    'M5 7c0-1.1 3.1-2 7-2s7 .9 7 2s-3.1 2-7 2s-7-.9-7-2M5 7v10c0 1.1 3.1 2 7 2s7-.9 7-2V7M5 12c0 1.1 3.1 2 7 2s7-.9 7-2',
  // Factory.
  'industry-peers': 'M3 20V10l5 3V10l5 3V10l5 3V4h3v16H3M7 17h2M12 17h2',
  // Newspaper.
  media: 'M4 5h13v14H6a2 2 0 0 1-2-2V5M17 9h3v8a2 2 0 0 1-2 2M7 8h7M7 12h7M7 15h4',
  // Graduation cap.
  'experts-academia': 'M2 9l10-5l10 5l-10 5L2 9M6 11v5c2 2 10 2 12 0v-5M21 9v6',
  // Leaf.
  'nature-environment': 'M5 19C5 10 10 5 20 4c0 10-5 15-13 15M5 19c3-5 6-8 10-10',
  // Three dots in a circle.
  other: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18M8 12h.01M12 12h.01M16 12h.01',
}

/** The line icon of a category, in the current text colour. */
export function CategoryIcon({
  category,
  size = 24,
  title,
}: {
  category: StakeholderCategory
  size?: number
  title?: string
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
    >
      {title && <title>{title}</title>}
      <path d={ICON_PATHS[category]} />
    </svg>
  )
}
