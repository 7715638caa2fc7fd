/** One Server-Sent Event: its name (`message` when unnamed), its data, its id if it had one. */
export interface StreamEvent {
  event: string
  data: string
  id?: string
}

/**
 * Reads Server-Sent Events off a response body as the EventSource standard parses them (fields,
 * multi-line data, comments), calling `on` for each; resolves when the body ends. Read with
 * `fetch` rather than an `EventSource` so it works in Node too and can send headers.
 */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  on: (event: StreamEvent) => void,
): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let event: { name: string; data: string[]; id?: string } = { name: '', data: [] }
  const line = (text: string) => {
    if (!text) {
      if (event.data.length || event.name)
        on({
          event: event.name || 'message',
          data: event.data.join('\n'),
          ...(event.id !== undefined ? { id: event.id } : {}),
        })
      event = { name: '', data: [] }
      return
    }
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon < 0 ? text : text.slice(0, colon)
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event.name = value
    else if (field === 'data') event.data.push(value)
    else if (field === 'id') event.id = value
  }
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    buffer += decoder.decode(part.value, { stream: true })
    // The last piece may be half a line, and a \r at the end half of a \r\n: both wait.
    const cut = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length
    const lines = buffer.slice(0, cut).split(/\r\n|\r|\n/)
    buffer = lines.pop()! + buffer.slice(cut)
    for (const text of lines) line(text)
  }
  // A \r that was last in the body ended its line after all.
  if (buffer.endsWith('\r'))
    buffer
      .slice(0, -1)
      .split(/\r\n|\r|\n/)
      .forEach(line)
}
