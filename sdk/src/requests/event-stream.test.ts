import { describe, expect, it } from 'vitest'
import { readEvents, type StreamEvent } from './event-stream.js'

/** A body that arrives in exactly these pieces. */
const body = (...pieces: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece))
      controller.close()
    },
  })

async function read(...pieces: string[]) {
  const events: StreamEvent[] = []
  await readEvents(body(...pieces), (e) => events.push(e))
  return events
}

describe('readEvents', () => {
  it('reads named events with their ids, and multi-line data, however the bytes are cut', async () => {
    const text =
      'event: ready\ndata: {"at":1}\nid: 7\n\n: heartbeat\n\nevent: request\ndata: a\ndata: b\n\n'
    const whole = await read(text)
    expect(whole).toEqual([
      { event: 'ready', data: '{"at":1}', id: '7' },
      { event: 'request', data: 'a\nb' },
    ])
    // Every cut of the text reads the same.
    for (let i = 1; i < text.length; i++)
      expect(await read(text.slice(0, i), text.slice(i))).toEqual(whole)
  })

  it('takes CRLF and CR line ends, a CRLF cut between its two characters included', async () => {
    expect(await read('data: x\r', '\n\r\ndata: y\r\r')).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: 'y' },
    ])
  })

  it('reads a field without a colon, keeps a value without its one leading space, and drops a last event never ended', async () => {
    expect(await read('data\n\nevent:x\ndata:  two spaces\n\nevent: unfinished\ndata: z')).toEqual([
      { event: 'message', data: '' },
      { event: 'x', data: ' two spaces' },
    ])
  })

  it('reads multi-byte characters cut between chunks', async () => {
    const bytes = new TextEncoder().encode('data: Привет\n\n')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 8))
        controller.enqueue(bytes.slice(8))
        controller.close()
      },
    })
    const events: StreamEvent[] = []
    await readEvents(stream, (e) => events.push(e))
    expect(events).toEqual([{ event: 'message', data: 'Привет' }])
  })
})
