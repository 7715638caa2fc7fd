// Support for the app: the "Report a problem" widget for people, and the SDK itself for the
// diagnostics the app sends on its own. Both come from npm; the bundler puts one copy of the SDK
// in the app and splits the screenshot renderer into a chunk that loads on the first capture.
import { createClient } from '@snagbox/sdk'
import { createWidget } from '@snagbox/widget'

/**
 * Mounts the widget and creates the SDK client, both knowing the app, the customer and the screen.
 *
 * @example
 * const support = startSupport({ snagbox: SNAGBOX, app: APP, user: USER, context: { screen: 'meter-readings' } })
 * support.widget.open()
 */
export function startSupport({ snagbox, app, user, context }) {
  const widget = createWidget({
    key: snagbox.key,
    endpoint: snagbox.endpoint,
    app,
    lang: 'en',
    accent: '#0f5d4e',
  })
  widget.setUser(user)
  widget.setContext(context)
  widget.on('submitted', (event) => {
    if (event.status === 'sent') console.info(`Support request ${event.reference} created`)
  })

  const sdk = createClient({ endpoint: snagbox.endpoint, projectKey: snagbox.key, app })
  sdk.setUser(user)
  sdk.setContext(context)
  return { widget, sdk }
}

/**
 * Sends the gateway's diagnostics as a request, without a form: what the app knows goes in the
 * description and the context, the SDK adds the environment and the recent console errors.
 * Resolves to the text to show the customer.
 *
 * @example
 * message.textContent = await sendDiagnostics(support.sdk, { id: 'KE-GW-2291', lastReading: '…', error: 'timeout 0x2F' })
 */
export async function sendDiagnostics(sdk, gateway) {
  const result = await sdk.report({
    category: 'incident',
    subject: `Automatic readings stopped: gateway ${gateway.id}`,
    description:
      `Gateway ${gateway.id} has not answered since ${gateway.lastReading} (${gateway.error}).\n` +
      `Meter ${gateway.meter}; sent from the "Automatic readings" panel.`,
    context: { gateway },
    screenshot: false,
  })
  switch (result.status) {
    case 'sent':
      return {
        ok: true,
        text: `Diagnostics sent: request ${result.reference}. Support will contact you.`,
      }
    case 'queued':
      return {
        ok: true,
        text: 'No connection: the diagnostics will be sent as soon as it is back.',
      }
    default:
      return { ok: false, text: `The diagnostics could not be sent (${result.error.message}).` }
  }
}
