import { corsOptions, corsOriginsSetting } from './cors';

describe('GATEWAY_CORS_ORIGINS (ADR 0074)', () => {
  it('reads a comma-separated list of origins, and nothing by default', () => {
    expect(corsOriginsSetting.parse(undefined)).toEqual([]);
    expect(corsOriginsSetting.parse(' https://portal.example.cn , http://localhost:4200')).toEqual(['https://portal.example.cn', 'http://localhost:4200']);
  });

  it.each(['https://portal.example.cn/', 'https://portal.example.cn/app', 'portal.example.cn', 'ftp://portal.example.cn', '*'])(
    'refuses %s at load',
    (value) => {
      expect(corsOriginsSetting.safeParse(value).success).toBe(false);
    },
  );

  it('allows no origin when none is listed, and only the listed ones otherwise, without cookies', () => {
    expect(corsOptions([]).origin).toBe(false);
    expect(corsOptions(['https://portal.example.cn'])).toMatchObject({ origin: ['https://portal.example.cn'], credentials: false });
  });
});
