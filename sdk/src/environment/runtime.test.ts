import { describe, expect, it } from 'vitest'
import { collectEnvironment } from './collect.js'
import { loadRuntimeFacts, type RuntimeFacts } from './runtime.js'

const node = { node: '20.11.1', electron: null }
const electron = { node: '20.16.0', electron: '32.1.2' }

type Row = [
  label: string,
  facts: RuntimeFacts,
  os: [string, string | null, 64 | 32 | null, string | null],
  browser: [string, string, 64 | 32 | null],
]

const TABLE: Row[] = [
  [
    'Windows 11 x64',
    { platform: 'win32', release: '10.0.22631', arch: 'x64', versions: node },
    ['Windows', '11', 64, 'x64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'Windows 10 x64',
    { platform: 'win32', release: '10.0.19045', arch: 'x64', versions: node },
    ['Windows', '10', 64, 'x64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'Windows 10, 32-bit Electron on 64-bit Windows (WOW64)',
    {
      platform: 'win32',
      release: '10.0.19045',
      arch: 'ia32',
      env: { PROCESSOR_ARCHITEW6432: 'AMD64' },
      versions: electron,
    },
    ['Windows', '10', 64, 'x64'],
    ['Electron', '32.1.2', 32],
  ],
  [
    'Windows 10 32-bit',
    {
      platform: 'win32',
      release: '10.0.19045',
      arch: 'ia32',
      env: { PROCESSOR_ARCHITECTURE: 'x86' },
      versions: node,
    },
    ['Windows', '10', 32, 'x86'],
    ['Node.js', '20.11.1', 32],
  ],
  [
    'Windows 11 ARM64, native',
    { platform: 'win32', release: '10.0.26100', arch: 'arm64', versions: electron },
    ['Windows', '11', 64, 'arm64'],
    ['Electron', '32.1.2', 64],
  ],
  [
    'Windows 11 ARM64, x64 build under emulation',
    {
      platform: 'win32',
      release: '10.0.26100',
      arch: 'x64',
      runningUnderArm64Translation: true,
      versions: electron,
    },
    ['Windows', '11', 64, 'arm64'],
    ['Electron', '32.1.2', 64],
  ],
  [
    'Windows 7 SP1',
    { platform: 'win32', release: '6.1.7601', arch: 'x64', versions: node },
    ['Windows', '7', 64, 'x64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'Windows 11 from Electron getSystemVersion',
    {
      platform: 'win32',
      release: '10.0.22000',
      systemVersion: '10.0.22631',
      arch: 'x64',
      versions: electron,
    },
    ['Windows', '11', 64, 'x64'],
    ['Electron', '32.1.2', 64],
  ],
  [
    'macOS 14 Apple silicon, Darwin only',
    { platform: 'darwin', release: '23.5.0', arch: 'arm64', machine: 'arm64', versions: node },
    ['macOS', '14', 64, 'arm64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'macOS 14.5 from Electron getSystemVersion',
    {
      platform: 'darwin',
      release: '23.5.0',
      systemVersion: '14.5.0',
      arch: 'arm64',
      versions: electron,
    },
    ['macOS', '14.5', 64, 'arm64'],
    ['Electron', '32.1.2', 64],
  ],
  [
    'macOS 26 (Darwin 25)',
    { platform: 'darwin', release: '25.0.0', arch: 'arm64', versions: node },
    ['macOS', '26', 64, 'arm64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'macOS 15 (Darwin 24)',
    { platform: 'darwin', release: '24.1.0', arch: 'arm64', versions: node },
    ['macOS', '15', 64, 'arm64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'macOS 10.15 Intel (Darwin 19)',
    { platform: 'darwin', release: '19.6.0', arch: 'x64', machine: 'x86_64', versions: node },
    ['macOS', '10.15', 64, 'x64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'macOS, Intel build under Rosetta on Apple silicon',
    {
      platform: 'darwin',
      release: '23.5.0',
      arch: 'x64',
      machine: 'x86_64',
      runningUnderArm64Translation: true,
      versions: electron,
    },
    ['macOS', '14', 64, 'arm64'],
    ['Electron', '32.1.2', 64],
  ],
  [
    'Ubuntu 22.04 x64',
    {
      platform: 'linux',
      release: '6.5.0-35-generic',
      arch: 'x64',
      machine: 'x86_64',
      distro: 'Ubuntu 22.04',
      versions: node,
    },
    ['Linux', 'Ubuntu 22.04', 64, 'x64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'Linux ARM64',
    {
      platform: 'linux',
      release: '6.1.0-rpi7-rpi-v8',
      arch: 'arm64',
      machine: 'aarch64',
      versions: node,
    },
    ['Linux', null, 64, 'arm64'],
    ['Node.js', '20.11.1', 64],
  ],
  [
    'Linux, 32-bit ARM process on a 64-bit kernel',
    { platform: 'linux', release: '6.1.0', arch: 'arm', machine: 'aarch64', versions: node },
    ['Linux', null, 64, 'arm64'],
    ['Node.js', '20.11.1', 32],
  ],
]

describe('collectEnvironment in Node and Electron', () => {
  it.each(TABLE)('%s', async (_label, facts, os, browser) => {
    const env = await collectEnvironment({ runtime: facts })
    const [name, version, bitness, architecture] = os
    expect(env.os).toEqual({ name, version, bitness, architecture, source: 'runtime' })
    expect(env.browser).toEqual({ name: browser[0], version: browser[1], bitness: browser[2] })
    expect(env.raw.runtime).toMatchObject({ platform: facts.platform, release: facts.release })
  })

  it("takes the facts from a function, e.g. read in Electron's main process", async () => {
    const env = await collectEnvironment({
      runtime: async () => ({
        platform: 'win32',
        release: '10.0.22631',
        arch: 'x64',
        versions: electron,
      }),
    })
    expect(env.os.version).toBe('11')
    expect(env.device.type).toBe('desktop')
  })

  it('reads the real facts of this Node process through node:os', async () => {
    const facts = await loadRuntimeFacts()
    const os = await import('node:os')
    expect(facts).toMatchObject({
      platform: os.platform(),
      release: os.release(),
      arch: process.arch,
    })
    expect(facts?.versions?.node).toBe(process.versions.node)
  })
})
