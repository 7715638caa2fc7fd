/** A real, decodable RGB PNG of one colour, or of noise. */
export function png(
  width: number,
  height: number,
  rgb?: [number, number, number],
  noise?: boolean,
): Buffer
