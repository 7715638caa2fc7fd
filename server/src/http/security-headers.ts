import { secureHeaders } from 'hono/secure-headers'

/**
 * Headers on every answer. No referrer ever leaves a Snagbox page, because status URLs carry the
 * reporter's token; pages can't be framed; scripts and styles come from the server itself.
 * A response that set one of these itself keeps its own: a screenshot (and any attachment after
 * it) answers with the stricter `default-src 'none'; sandbox`, which this policy must not undo.
 */
export const securityHeaders = () =>
  secureHeaders({
    overwrite: false,
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
