/** The formats a permit's QR code is drawn in (issue 18 item 6). */
export const QR_FORMATS = { svg: 'image/svg+xml', png: 'image/png' } as const;
export type QrFormat = keyof typeof QR_FORMATS;

/** The format asked for: empty is SVG; anything else but svg or png is refused. */
export function qrFormatOf(requested: string): QrFormat | undefined {
  const format = requested.trim().toLowerCase() || 'svg';
  // Own keys only: `in` also finds constructor and __proto__ on the prototype, whose "media type" is a function (ADR 0075).
  return Object.hasOwn(QR_FORMATS, format) ? (format as QrFormat) : undefined;
}

/**
 * What a permit's QR code opens: the portal's permit page (a person scanning it wants a page in
 * Chinese, not JSON; issue 18 item 6) on the platform's public address (PUBLIC_BASE_URL, the
 * address citizens and officers reach, never the service's own host). The page reads
 * `/public/v1/permits/{permitNo}`, which integrators keep using directly.
 */
export function permitVerificationUrl(publicBaseUrl: string, permitNo: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/#/permits/${encodeURIComponent(permitNo)}`;
}
