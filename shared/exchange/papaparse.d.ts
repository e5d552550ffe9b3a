/**
 * The part of papaparse's API that `shared/exchange/` uses. `@types/papaparse` is not
 * installed on purpose: it references Node's `stream` types, which would make Node globals
 * type-check in `shared/` and defeat the purity check of `shared/tsconfig.json`.
 */
declare module 'papaparse' {
  interface ParseError {
    type: string
    code: string
    message: string
    row?: number
  }
  interface ParseResult {
    data: string[][]
    errors: ParseError[]
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean }
  }
  interface ParseConfig {
    delimiter?: string
    delimitersToGuess?: string[]
    newline?: string
    quoteChar?: string
    header?: false
    dynamicTyping?: false
    preview?: number
    skipEmptyLines?: boolean
  }
  interface UnparseConfig {
    delimiter?: string
    newline?: string
    quotes?: boolean
    quoteChar?: string
    escapeFormulae?: boolean
    header?: boolean
  }
  const Papa: {
    parse(input: string, config?: ParseConfig): ParseResult
    unparse(data: readonly (readonly string[])[], config?: UnparseConfig): string
  }
  export default Papa
}
