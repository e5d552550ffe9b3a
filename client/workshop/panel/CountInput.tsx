/** A small whole number from 1 to `max`, such as the number of tables or of dots. */
export function CountInput({
  label,
  max,
  value,
  onChange,
}: {
  label: string
  max: number
  value: number
  onChange(value: number): void
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(event) => onChange(Math.min(max, Math.max(1, Number(event.target.value) || 1)))}
      />
    </label>
  )
}
