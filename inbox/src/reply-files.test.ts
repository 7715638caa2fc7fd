import { describe, expect, it } from 'vitest'
import { addFiles, fileSize, REPLY_FILE_BYTES, REPLY_FILES_MAX } from './reply-files.js'

const file = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name)

describe("a reply's files", () => {
  it('says sizes as people read them, in their language', () => {
    expect(fileSize(820, 'en')).toBe('0.8 kB')
    expect(fileSize(14_500, 'en')).toBe('14.2 kB')
    expect(fileSize(3_565_158, 'en')).toBe('3.4 MB')
    expect(fileSize(8 * 1024 * 1024, 'en')).toBe('8 MB')
    expect(fileSize(3_565_158, 'ru')).toBe('3,4 МБ')
  })

  it('keeps what the server takes and names each refused file with why', () => {
    const have = Array.from({ length: REPLY_FILES_MAX - 1 }, (_, i) => file(`${i}.png`, 10))
    const { files, refused } = addFiles(have, [
      file('empty.txt', 0),
      file('dump.bin', REPLY_FILE_BYTES + 1),
      file('shot.png', 2048),
      file('one-more.png', 2048),
    ])
    expect(files.map((f) => f.name).slice(-1)).toEqual(['shot.png'])
    expect(files).toHaveLength(REPLY_FILES_MAX)
    expect(refused).toEqual([
      { name: 'empty.txt', why: 'empty' },
      { name: 'dump.bin', why: 'large' },
      { name: 'one-more.png', why: 'many' },
    ])
  })
})
