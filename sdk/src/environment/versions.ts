import type { Architecture, Bitness } from '../contract/index.js'

/** `14.5.0` → `14.5`, `15.0.0` → `15`, `10.0.22631` stays: trailing zero parts say nothing. */
export function trimVersion(version: string | null | undefined): string | null {
  if (!version) return null
  const trimmed = version.replace(/(\.0+)+$/, '')
  return trimmed || null
}

/**
 * Windows version from the client-hint platform version: `13.0.0` and up is Windows 11, `1`–`10`
 * is Windows 10, and `0.1`/`0.2`/`0.3` are 7, 8 and 8.1.
 */
export function windowsFromPlatformVersion(platformVersion: string): string | null {
  // `''` reads as major 0 and no minor; anything not a number as NaN, which no branch takes.
  const [major, minor] = platformVersion.split('.').map(Number) as [number, number?]
  if (major >= 13) return '11'
  if (major >= 1) return '10'
  return major === 0 ? ([null, '7', '8', '8.1'][minor!] ?? null) : null
}

const ARCH_TOKENS: Record<string, [Architecture | null, Bitness]> = {
  x64: ['x64', 64],
  amd64: ['x64', 64],
  x86_64: ['x64', 64],
  ia32: ['x86', 32],
  x86: ['x86', 32],
  i386: ['x86', 32],
  i686: ['x86', 32],
  arm64: ['arm64', 64],
  aarch64: ['arm64', 64],
  arm: ['arm', 32],
  arm32: ['arm', 32],
  armv7l: ['arm', 32],
  // A 32-bit userland on a 64-bit ARM core: the OS underneath may be either.
  armv8l: ['arm', null],
  // Client hints: `architecture` and `bitness` together (see archFromHints).
  x8664: ['x64', 64],
  x8632: ['x86', 32],
}

/** Normalises an architecture word (`process.arch`, `uname -m`, a UA token) to the contract's. */
export function archFromToken(token: string | null | undefined): [Architecture | null, Bitness] {
  return ARCH_TOKENS[(token ?? '').toLowerCase()] ?? [null, null]
}

/**
 * Client hints say `architecture: "x86" | "arm" | ""` and `bitness: "64" | "32" | ""` apart;
 * together they are a token (`x8664`, `arm64`, …), or only a bitness when the CPU is not told.
 */
export function archFromHints(
  architecture: string,
  bitness: string,
): [Architecture | null, Bitness] {
  if (!bitness) return [null, null]
  return architecture ? archFromToken(architecture + bitness) : [null, Number(bitness) as Bitness]
}
