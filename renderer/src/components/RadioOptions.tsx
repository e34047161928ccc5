/** One labelled radio button per option; the caller keeps the group's box (fieldset, legend). */
export function RadioOptions<V extends string>({
  name,
  options,
  value,
  onChange,
  label,
  disabled,
  testId,
}: {
  name: string;
  options: readonly V[];
  value: V | null;
  onChange: (value: V) => void;
  label: (option: V) => string;
  disabled?: (option: V) => boolean;
  testId?: (option: V) => string;
}) {
  return (
    <>
      {options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            disabled={disabled?.(option)}
            data-testid={testId?.(option)}
            onChange={() => onChange(option)}
          />
          {label(option)}
        </label>
      ))}
    </>
  );
}
