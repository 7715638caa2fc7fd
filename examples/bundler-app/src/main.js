// Kvant Energo's meter readings page, bundled by examples/bundler-app/build.mjs.
import './app.css'
import { ACCOUNT, APP, SNAGBOX, USER } from './config.js'
import { HISTORY, mountReadings } from './readings.js'
import { sendDiagnostics, startSupport } from './support.js'

const GATEWAY = {
  id: 'KE-GW-2291',
  meter: 'Mercury 230 ART No. 41877302',
  lastReading: '2026-11-21T03:00:00+05:00',
  error: 'timeout 0x2F',
}

mountReadings(document, HISTORY)
document.getElementById('version').textContent = `${APP.version} (build ${APP.build})`

const support = startSupport({
  snagbox: SNAGBOX,
  app: APP,
  user: USER,
  context: { screen: 'meter-readings', account: ACCOUNT },
})

// The header's own button opens the widget's form (the launcher in the corner does too).
document.getElementById('report').addEventListener('click', () => support.widget.open())

const diagnostics = document.getElementById('diagnostics')
const diagnosticsMessage = document.getElementById('diagnostics-message')
diagnostics.addEventListener('click', async () => {
  diagnostics.disabled = true
  diagnosticsMessage.className = 'message'
  diagnosticsMessage.textContent = 'Sending the diagnostics…'
  const { ok, text } = await sendDiagnostics(support.sdk, GATEWAY)
  diagnosticsMessage.className = `message ${ok ? 'ok' : 'error'}`
  diagnosticsMessage.textContent = text
  diagnostics.disabled = false
})
