import type { RecognitionAgreement } from './recognition-agreement';

const TERM = 'LOCAL placeholder: the maximum term is the agreement’s to set; DOMAIN.md §4 says each entry has an end';

/**
 * A Jiangsu city that shares its key-watch list and whose grades are recognised (seed 004, DOMAIN.md
 * §4 "Cross-region": the four cities share and recognise each other's grades every April): its road
 * operator grades (the Jiangsu AA–D scheme), about any enterprise — a partner's feed carries only
 * grades of enterprises registered here (ADR 0085) — read on Suzhou's ladder by evaluation's shipped
 * table `<city>-to-suzhou-road-transport` where one exists.
 */
const jiangsuCity = (id: string, region: string, name: string, recognitionTable?: string): RecognitionAgreement => ({
  id,
  partner: { region, name },
  source: `seed 004: Suzhou, Wuxi, Changzhou and Nantong share key-watch lists and recognise each other's grades; ${TERM}`,
  lists: [{ listType: 'key-watch', subjects: 'partner-registered', effect: 'apply', maxTermMonths: 12 }],
  grades: { schemes: [{ schemeId: 'jiangsu-road-operator-grades', subjects: 'any', effect: 'apply', ...(recognitionTable ? { recognitionTable } : {}) }] },
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
  jiangsuCity('wuxi-key-watch', '320200', '无锡市交通运输局', 'wuxi-to-suzhou-road-transport'),
  jiangsuCity('changzhou-key-watch', '320400', '常州市交通运输局', 'changzhou-to-suzhou-road-transport'),
  jiangsuCity('nantong-key-watch', '320600', '南通市交通运输局', 'nantong-to-suzhou-road-transport'),
];
