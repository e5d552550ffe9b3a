/**
 * Shapes of the HTTP API's requests and answers, shared by server and client.
 * The server validates every body it receives; these types describe what it sends.
 */

/** `POST /api/maps` body. */
export interface CreateMapRequest {
  title: string
  /** Start from the SER phase-1 template instead of a blank board. */
  template?: 'blank' | 'ser-phase-1'
  /**
   * The map is made to import a map file into: it takes the file's evaluation results once,
   * from its owner (shared/protocol/importedResultsApi.ts).
   */
  imported?: boolean
}

/** `POST /api/maps` answer (201). */
export interface CreateMapResponse {
  id: string
}

/** `GET /api/maps/<id>` answer (200). */
export interface MapMetadata {
  id: string
  title: string
  template: 'blank' | 'ser-phase-1'
  /** ISO 8601 timestamps. */
  createdAt: string
  updatedAt: string
}

/** `GET /api/config`: settings the client needs at run time (never baked into the build). */
export interface ClientConfig {
  /** tldraw licence key, or null when none is configured (fine on localhost and http). */
  tldrawLicenseKey: string | null
}

/** Every error answer of the API has this shape. */
export interface ApiError {
  error: {
    /** Stable machine-readable code, e.g. `not-found`, `invalid-body`. */
    code: string
    /** Human-readable explanation, in English. */
    message: string
  }
}
