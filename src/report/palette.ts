/** Source colours: dark enough for white labels on screen and distinct on a colour printer. */
const COLOURS: readonly string[] = ['#2b6cb0', '#dd6b20', '#2f855a', '#805ad5', '#c53030', '#2c7a7b', '#975a16', '#4a5568'];

/** Plans are validated to any number of sources; past eight the colours repeat rather than fail. */
export function sourceColour(index: number): string {
  return COLOURS[index % COLOURS.length];
}
