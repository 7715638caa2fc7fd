import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../sdk/test/browser-harness.js'
// @ts-expect-error: a plain ES module script without types
import { startMailCatcher } from './mail-catcher.mjs'

let catcher: { smtpUrl: string; pageUrl: string; close(): Promise<void> }

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: await freePort(), webPort: await freePort() })
})
afterAll(() => catcher?.close())

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

describe("the demo's mail catcher", () => {
  it('shows an e-mail with its attached files, each a download of the very bytes sent', async () => {
    await nodemailer.createTransport(catcher.smtpUrl).sendMail({
      from: 'support@snagbox.local',
      to: 'anna@example.com',
      subject: '[DEMO-3] Support needs more information',
      text: 'Which printer is it?',
      html: '<p>Which printer is it?</p>',
      attachments: [
        { filename: 'what-we-see.png', content: png, contentType: 'image/png' },
        // A name that would be markup, and a file that would be a page, if either were trusted.
        { filename: '<img src=x onerror=alert(1)>.html', content: '<script>alert(1)</script>' },
      ],
    })
    const list = (await (await fetch(`${catcher.pageUrl}messages.json`)).json()) as {
      id: number
      files: { name: string; type: string }[]
    }[]
    expect(list[0]!.files).toEqual([
      { name: 'what-we-see.png', type: 'image/png' },
      { name: '<img src=x onerror=alert(1)>.html', type: 'text/html' },
    ])
    const page = await (await fetch(`${catcher.pageUrl}${list[0]!.id}`)).text()
    expect(page).toContain(`href="/${list[0]!.id}/files/0" download>what-we-see.png</a>`)
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.html')
    expect(page).not.toContain('<img src=x')

    const file = await fetch(`${catcher.pageUrl}${list[0]!.id}/files/0`)
    expect(Buffer.from(await file.arrayBuffer())).toEqual(png)
    expect(file.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''what-we-see.png",
    )
    const html = await fetch(`${catcher.pageUrl}${list[0]!.id}/files/1`)
    expect(html.headers.get('content-type')).toBe('application/octet-stream')
    expect(html.headers.get('x-content-type-options')).toBe('nosniff')
    // Percent-encoded as RFC 5987 asks, parentheses too.
    expect(html.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html",
    )
    expect((await fetch(`${catcher.pageUrl}${list[0]!.id}/files/2`)).status).toBe(404)
  })
})
