import type { SeededRandom } from '@civicgrid/domain';

// Fictional people: common surnames and given-name characters combined at random.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_MALE = '伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢佳阳建国文志海东峰';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英玲桂兰萍红燕梅琳雪颖倩婷慧洁琴云莉丹蓉璐晶雯悦欣怡佳月';
const BUILDING_PREFIXES = ['幸福', '和平', '阳光', '绿园', '华府', '锦绣', '东城', '金桥', '颐和', '明珠', '新村', '安居'];

export function personName(random: SeededRandom, gender: 'male' | 'female', surname?: string): string {
  const pool = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const family = surname ?? random.pick([...SURNAMES]);
  const given = random.chance(0.7) ? random.pick([...pool]) + random.pick([...pool]) : random.pick([...pool]);
  return family + given;
}

export function surnameOf(name: string): string {
  return name.slice(0, 1);
}

export function estateName(random: SeededRandom): string {
  return `${random.pick(BUILDING_PREFIXES)}小区`;
}

export function mobilePhone(random: SeededRandom): string {
  const prefix = random.pick(['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '176', '177', '180', '186', '188', '189', '199']);
  return prefix + String(random.integer(0, 99_999_999)).padStart(8, '0');
}
