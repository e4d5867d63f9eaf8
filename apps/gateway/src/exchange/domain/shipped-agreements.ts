import type { RecognitionAgreement } from './recognition-agreement';

const TERM = 'LOCAL placeholder: the maximum term is the agreement’s to set; DOMAIN.md §4 says each entry has an end';

/** A Jiangsu city that shares its key-watch list (seed 004, DOMAIN.md §4 "Cross-region"). */
const jiangsuCity = (id: string, region: string, name: string): RecognitionAgreement => ({
  id,
  partner: { region, name },
  source: `seed 004: Suzhou, Wuxi, Changzhou and Nantong share key-watch lists; ${TERM}`,
  lists: [{ listType: 'key-watch', subjects: 'partner-registered', effect: 'apply', maxTermMonths: 12 }],
});

/**
 * The agreements the build ships until ops configure their own (GATEWAY_EXCHANGE_AGREEMENTS_FILE).
 * Hubei is the local stack's demo partner province (deploy/local/demo-clients.cjs): its key-watch
 * and severe-dishonesty entries about subjects registered in Hubei apply here; its red list is
 * received for information only; nothing it says about our own subjects is applied. It may push
 * credit records about subjects registered in Hubei (ADR 0069).
 */
export const SHIPPED_AGREEMENTS: readonly RecognitionAgreement[] = [
  {
    id: 'hubei-demo',
    partner: { region: '420000', name: '湖北省交通运输厅' },
    source: `LOCAL demo agreement of the local stack (issue 20); ${TERM}`,
    lists: [
      { listType: 'key-watch', subjects: 'partner-registered', effect: 'apply', maxTermMonths: 24 },
      { listType: 'severe-dishonesty', subjects: 'partner-registered', effect: 'apply', maxTermMonths: 36 },
      { listType: 'red', subjects: 'partner-registered', effect: 'inform', maxTermMonths: 12 },
    ],
    records: { subjects: 'partner-registered' },
  },
  jiangsuCity('suzhou-key-watch', '320500', '苏州市交通运输局'),
  jiangsuCity('wuxi-key-watch', '320200', '无锡市交通运输局'),
  jiangsuCity('changzhou-key-watch', '320400', '常州市交通运输局'),
  jiangsuCity('nantong-key-watch', '320600', '南通市交通运输局'),
];
