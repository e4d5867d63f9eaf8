/** Stable codes of monitoring-feed messages refused as poison (the dead-letter reason). */
export const MonitoringFeedErrorCode = {
  InvalidSubject: 'FEED.INVALID_SUBJECT',
  InvalidSource: 'FEED.INVALID_SOURCE',
} as const;
