import { secureHeaders } from 'hono/secure-headers'

/**
 * Headers on every answer. No referrer ever leaves a Snagbox page, because status URLs carry the
 * reporter's token; pages can't be framed; scripts and styles come from the server itself.
 */
export const securityHeaders = () =>
  secureHeaders({
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity: 'max-age=31536000',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  })
