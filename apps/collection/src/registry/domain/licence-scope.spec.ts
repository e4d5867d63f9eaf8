import { SECTORS } from '@domain/credit';
import { BUSINESS_SCOPE_RULES, sectorsOfBusinessScope } from './licence-scope';

// Expected sectors come from the scope names of the licensing rules cited in licence-scope.ts
// (道路运输条例 第八条、第二十一条、第三十七条; 道路危险货物运输管理规定; 城市公共汽车和电车客运管理规定;
// 国内水路运输管理条例) and the sector vocabulary of libs/domain/credit/src/sector.ts, not from output.
describe('business scope → sectors', () => {
  it.each([
    ['道路旅客运输', ['road-passenger']],
    ['危险货物运输', ['hazardous-goods']],
    ['道路普通货物运输', ['general-cargo']],
    ['大件运输', ['oversize-transport']],
    ['出租汽车', ['taxi']],
    ['公交', ['bus']],
    ['机动车驾驶员培训', ['driving-school']],
    ['机动车维修', ['vehicle-repair']],
    ['水路运输', ['waterway']],
  ])("the issue's table: %s → %j", (scope, sectors) => {
    expect(sectorsOfBusinessScope(scope)).toEqual(sectors);
  });

  it("reads every item of a licence's scope, full-width punctuation and brackets included", () => {
    // A 道路运输经营许可证 scope as printed: 普货 with 大型物件 in brackets, then 危货 classes.
    expect(sectorsOfBusinessScope('经营范围：道路普通货物运输（大型物件运输）；道路危险货物运输（2类1项、3类）')).toEqual([
      'general-cargo',
      'oversize-transport',
      'hazardous-goods',
    ]);
    // 道路运输条例 第八条: 班车、包车、旅游客运 are kinds of 道路旅客运输.
    expect(sectorsOfBusinessScope('县际班车客运、市际包车客运、旅游客运')).toEqual(['road-passenger']);
  });

  it('gives the more specific sector where names overlap', () => {
    // 国内水路运输管理条例: 水路危险货物运输 is waterway business, not road hazardous goods.
    expect(sectorsOfBusinessScope('国内水路危险货物运输')).toEqual(['waterway']);
    // 巡游出租汽车客运 and 城市公共汽车客运 are taxi and bus, not 道路旅客运输.
    expect(sectorsOfBusinessScope('巡游出租汽车客运')).toEqual(['taxi']);
    expect(sectorsOfBusinessScope('城市公共汽车客运')).toEqual(['bus']);
    expect(sectorsOfBusinessScope('网络预约出租汽车经营')).toEqual(['taxi']);
  });

  it('reads an oversize transport permit (超限运输车辆行驶公路许可, 交通运输部令2016年第62号) as oversize transport', () => {
    // libs/domain/credit/src/sector.ts: oversize-transport is 大件运输 (超限运输).
    expect(sectorsOfBusinessScope('超限运输车辆行驶公路许可（Ⅱ类）')).toEqual(['oversize-transport']);
  });

  it('names no sector for a scope outside transport, or for a licence name alone', () => {
    expect(sectorsOfBusinessScope('食品经营')).toEqual([]);
    expect(sectorsOfBusinessScope('道路运输经营许可证')).toEqual([]);
    expect(sectorsOfBusinessScope('')).toEqual([]);
  });

  it('covers every sector of the vocabulary', () => {
    expect(new Set(BUSINESS_SCOPE_RULES.map((r) => r.sector))).toEqual(new Set(SECTORS));
  });
});
