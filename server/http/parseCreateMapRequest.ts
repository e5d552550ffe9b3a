import type { CreateMapRequest } from '../../shared/protocol/api'
import type { ApiErrorCodeValue } from '../../shared/protocol/apiErrorCodes'
import { MAX_MAP_TITLE_LENGTH } from '../../shared/protocol/mapId'
import type { BodyError } from './readJsonBody'

type Template = NonNullable<CreateMapRequest['template']>

const TEMPLATES: readonly Template[] = ['blank', 'ser-phase-1']

/** Result of {@link parseCreateMapRequest}: the request with its title trimmed, or an error. */
export type CreateMapParseResult =
  { ok: true; value: Required<CreateMapRequest> } | { ok: false; error: BodyError }

/** Validates an untrusted `POST /api/maps` body. */
export function parseCreateMapRequest(body: unknown): CreateMapParseResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('invalid-body', 'Body must be a JSON object.')
  }
  const { title, template = 'blank', imported = false } = body as Record<string, unknown>
  if (typeof title !== 'string') return invalid('invalid-title', 'title must be a string.')
  const trimmed = title.trim()
  // Count characters as people see them, not UTF-16 units.
  const length = [...trimmed].length
  if (length < 1 || length > MAX_MAP_TITLE_LENGTH) {
    return invalid(
      'invalid-title',
      `title must be 1 to ${MAX_MAP_TITLE_LENGTH} characters after trimming.`,
    )
  }
  if (!TEMPLATES.includes(template as Template)) {
    return invalid('invalid-template', `template must be one of ${TEMPLATES.join(', ')}.`)
  }
  if (typeof imported !== 'boolean')
    return invalid('invalid-body', 'imported must be true or false.')
  return {
    ok: true,
    value: { title: trimmed, template: template as Template, imported },
  }
}

function invalid(code: ApiErrorCodeValue, message: string): CreateMapParseResult {
  return { ok: false, error: { status: 400, code, message } }
}
