import { unknownDetected, type Platform } from './detected.js'
import { macosFromDarwin, windowsFromRelease } from './runtime-versions.js'
import { archFromToken, trimVersion } from './versions.js'
import { nodeBuiltin, nodeProcess } from '../node-builtin.js'

/**
 * What a Node or Electron process knows about its machine. Pass these in (`runtime` option) to
 * report from Electron's main process with facts only it has, or to test without the real OS.
 *
 * @example
 * const wow64: RuntimeFacts = { platform: 'win32', release: '10.0.19045', arch: 'ia32', env: { PROCESSOR_ARCHITEW6432: 'AMD64' } }
 * // → os { name: 'Windows', version: '10', bitness: 64, architecture: 'x64' }, browser.bitness 32
 */
export interface RuntimeFacts {
  /** `os.platform()`: `win32`, `darwin`, `linux`, … */
  platform: string
  /** `os.release()`: `10.0.22631` on Windows, the Darwin or Linux kernel version elsewhere. */
  release: string
  /** `os.version()`: `Windows 10 Pro`, kernel build string… (kept raw, never trusted for 10 vs 11). */
  version?: string | null
  /** `process.arch` (= `os.arch()`): the architecture of this process, not of the OS. */
  arch: string
  /** `os.machine()`: the kernel's architecture on Linux and macOS (`x86_64`, `aarch64`, `arm64`). */
  machine?: string | null
  /** `PROCESSOR_ARCHITEW6432` is set for a 32-bit process on 64-bit Windows (WOW64). */
  env?: { PROCESSOR_ARCHITEW6432?: string | null; PROCESSOR_ARCHITECTURE?: string | null }
  /** Electron's `process.getSystemVersion()`: the real macOS version (`14.5.0`). */
  systemVersion?: string | null
  /** Electron's `app.runningUnderARM64Translation`: an x64 build on an ARM64 Mac or PC. */
  runningUnderArm64Translation?: boolean | null
  versions?: { node?: string | null; electron?: string | null }
  /** Linux distribution from `/etc/os-release`, e.g. `Ubuntu 22.04`. */
  distro?: string | null
}

/** Windows 10/11 from the build, macOS from Darwin, WOW64 from `PROCESSOR_ARCHITEW6432`. */
export function fromRuntime(facts: RuntimeFacts): Platform {
  const d = unknownDetected('runtime')
  let [architecture, bitness] = archFromToken(facts.arch)
  const electron = facts.versions?.electron
  d.browser = {
    name: electron ? 'Electron' : 'Node.js',
    version: (electron ?? facts.versions?.node ?? null)?.replace(/^v/, '') ?? null,
    bitness,
  }
  let name: string | null = facts.platform
  let version: string | null = null
  if (facts.platform === 'win32') {
    name = 'Windows'
    version = windowsFromRelease(facts.systemVersion || facts.release)
    const wow = facts.env?.PROCESSOR_ARCHITEW6432
    if (wow) [architecture, bitness] = archFromToken(wow)
  } else if (facts.platform === 'darwin') {
    name = 'macOS'
    version = trimVersion(facts.systemVersion) ?? macosFromDarwin(facts.release)
    d.device.vendor = 'Apple'
  } else {
    name =
      (
        {
          linux: 'Linux',
          android: 'Android',
          freebsd: 'FreeBSD',
          openbsd: 'OpenBSD',
          sunos: 'SunOS',
          aix: 'AIX',
        } as Record<string, string>
      )[facts.platform] ?? facts.platform
    version = facts.distro ?? null
  }
  if (facts.platform !== 'win32' && facts.machine) {
    const fromKernel = archFromToken(facts.machine)
    if (fromKernel[0]) [architecture, bitness] = fromKernel
  }
  if (facts.runningUnderArm64Translation) [architecture, bitness] = ['arm64', 64]
  d.os = { name, version, bitness, architecture, source: 'runtime' }
  if (facts.platform === 'win32' || facts.platform === 'darwin') d.device.type = 'desktop'
  const raw = {
    userAgent: null,
    clientHints: null,
    platform: facts.platform,
    maxTouchPoints: null,
    runtime: { ...facts },
  }
  return { ...d, userAgent: null, raw }
}

interface OsModule {
  platform(): string
  release(): string
  arch(): string
  version?(): string
  machine?(): string
}

/** The platform from the facts given, else from this process's own; `null` outside Node. */
export async function detectRuntime(given: RuntimeFacts | undefined): Promise<Platform | null> {
  const facts = given ?? (await loadRuntimeFacts())
  return facts && fromRuntime(facts)
}

/** Reads the facts of the running Node/Electron process; `null` outside Node. */
export async function loadRuntimeFacts(): Promise<RuntimeFacts | null> {
  const proc = nodeProcess()
  const os = await nodeBuiltin<OsModule>('os')
  if (!proc || !os) return null
  const facts: RuntimeFacts = {
    platform: os.platform(),
    release: os.release(),
    version: os.version?.() ?? null,
    arch: os.arch(),
    machine: os.machine?.() ?? null,
    env: {
      PROCESSOR_ARCHITEW6432: proc.env?.PROCESSOR_ARCHITEW6432 ?? null,
      PROCESSOR_ARCHITECTURE: proc.env?.PROCESSOR_ARCHITECTURE ?? null,
    },
    systemVersion: proc.getSystemVersion?.() ?? null,
    versions: { node: proc.versions?.node ?? null, electron: proc.versions?.electron ?? null },
  }
  if (facts.platform === 'linux') facts.distro = await readDistro()
  return facts
}

async function readDistro(): Promise<string | null> {
  const fs = await nodeBuiltin<{ readFile(path: string, encoding: 'utf8'): Promise<string> }>(
    'fs/promises',
  )
  const text = await fs?.readFile('/etc/os-release', 'utf8').catch(() => '')
  if (!text) return null
  const field = (key: string) => new RegExp(`^${key}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1]
  const label = [field('NAME'), field('VERSION_ID')].filter(Boolean).join(' ')
  return label || null
}
