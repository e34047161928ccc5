/** A labelled filter of a page's toolbar; the empty value means "all" (`allLabel`). */
export function FilterSelect<T extends string>({
  label,
  value,
  testId,
  allLabel,
  options,
  onChange,
}: {
  label: string;
  value: T | '';
  testId: string;
  allLabel?: string;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | '') => void;
}) {
  return (
    <label>
      {label}
      <select
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value as T | '')}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
