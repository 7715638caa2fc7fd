import { describe, expect, it } from 'vitest'
import { htmlToText } from './html-text.js'

describe('htmlToText', () => {
  it('keeps the text and its lines, and nothing of scripts, styles or markup', () => {
    const html =
      '<html><head><title>t</title><script>steal(1)</script></head><body><p>Export <b>fails</b></p><div>with 0x80070005&nbsp;&amp; more</div><img src=x onerror="steal(2)"><SCRIPT type="text/javascript">steal(3)</SCRIPT ><style>p{color:red}</style><a href="javascript:steal(4)">here</a><!-- <script>steal(5)</script> --></body></html>'
    expect(htmlToText(html)).toBe('Export fails\n\nwith 0x80070005 & more\nhere')
  })

  it('drops what follows an unclosed script or tag', () => {
    expect(htmlToText('Hello<script>steal()')).toBe('Hello')
    expect(htmlToText('Hello <img src=x onerror=steal()')).toBe('Hello')
  })

  it('decodes entities once, so escaped markup stays text', () => {
    expect(htmlToText('&lt;script&gt; &#1055;&#x440;&#1080;&#1074;&#1077;&#1090; &bogus;')).toBe(
      '<script> Привет &bogus;',
    )
  })

  it('takes time in proportion to the markup, however hostile', () => {
    const started = performance.now()
    htmlToText('<script>'.repeat(100_000) + '<a '.repeat(100_000) + '<!--'.repeat(50_000))
    expect(performance.now() - started).toBeLessThan(500)
  })
})
