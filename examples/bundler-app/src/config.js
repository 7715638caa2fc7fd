/* global __APP_VERSION__, __APP_BUILD__ */
// The app's own facts: the version and build are stamped in by build.mjs (esbuild `define`), as a
// real release pipeline would; where problem reports go comes from the page, which serve.mjs fills.

/** Sent with every report, so support sees which release the reporter runs. */
export const APP = { name: 'Kvant Energo', version: __APP_VERSION__, build: __APP_BUILD__ }

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? ''

/** The Snagbox server and the project's public key. */
export const SNAGBOX = { endpoint: meta('snagbox-endpoint'), key: meta('snagbox-key') }

/** The signed-in customer, as the app's session knows them. */
export const USER = {
  name: 'Anna Petrova',
  email: 'anna.petrova@kvant-energo.example',
  phone: '+7 912 555-01-23',
  organization: 'Kvant Energo, Perm branch',
}

export const ACCOUNT = 'KE-000418-77'
