/**
 * A small whole number from 1 to `max`, such as the number of tables or of dots. It shows
 * what was typed as typed (also an emptied field, while retyping); the count used is read
 * from it by useCountDraft, which keeps the text through every way out of the field.
 */
export function CountInput({
  label,
  max,
  text,
  onText,
}: {
  label: string
  max: number
  text: string
  onText(text: string): void
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={1}
        max={max}
        value={text}
        onChange={(event) => onText(event.target.value)}
      />
    </label>
  )
}
