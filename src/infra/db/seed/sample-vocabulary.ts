/**
 * Word lists for realistic, entirely fictional registry records: each Chinese word with the pinyin
 * a domain would use. Names are combinations of common words, not copies of real filings.
 */
export interface Word {
  zh: string;
  py: string;
}

const words = (pairs: string): Word[] =>
  pairs
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [zh = '', py = ''] = pair.split(':');
      return { zh, py };
    });

export const SURNAMES = words(`
  王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma
  朱:zhu 胡:hu 郭:guo 何:he 高:gao 林:lin 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 许:xu
  韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 田:tian 董:dong 袁:yuan 潘:pan 于:yu 蒋:jiang
  蔡:cai 余:yu 杜:du 叶:ye 程:cheng 苏:su 魏:wei 吕:lv 丁:ding 任:ren 沈:shen
`);

export const GIVEN_NAME_CHARACTERS = words(`
  伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan 杰:jie
  娟:juan 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang 文:wen 辉:hui 鑫:xin 宇:yu 浩:hao
  晨:chen 欣:xin 婷:ting 雪:xue 思:si 博:bo 梓:zi 萱:xuan 轩:xuan 嘉:jia 琪:qi 睿:rui 一:yi 鸣:ming
  子:zi 涵:han 俊:jun 峰:feng 颖:ying 琳:lin 斌:bin 凯:kai 晓:xiao 旭:xu 亮:liang 佳:jia 悦:yue
`);

/** Trade names (字号) of companies. */
export const TRADE_NAMES = words(`
  星辰:xingchen 云帆:yunfan 腾达:tengda 华信:huaxin 瑞丰:ruifeng 博远:boyuan 鼎盛:dingsheng
  汇通:huitong 创想:chuangxiang 智联:zhilian 天元:tianyuan 金桥:jinqiao 新航:xinhang 恒信:hengxin
  盛世:shengshi 远景:yuanjing 光合:guanghe 蓝海:lanhai 数智:shuzhi 优品:youpin 万象:wanxiang
  聚力:juli 青禾:qinghe 易达:yida 宏图:hongtu 众成:zhongcheng 启明:qiming 九州:jiuzhou
  长风:changfeng 海川:haichuan 卓越:zhuoyue 锦程:jincheng 安信:anxin 凌云:lingyun 极光:jiguang
  云途:yuntu 鸿运:hongyun 百川:baichuan 立方:lifang 未来:weilai 微光:weiguang 墨白:mobai
  知行:zhixing 乐享:lexiang 悦动:yuedong 禾木:hemu 源创:yuanchuang 泰和:taihe 奇点:qidian
  华瑞:huarui 嘉禾:jiahe 华晟:huasheng 宸宇:chenyu 润泽:runze 朗坤:langkun 昊天:haotian
  德润:derun 中科:zhongke 科润:kerun 拓维:tuowei 方圆:fangyuan 同创:tongchuang 弘毅:hongyi
  晨曦:chenxi 怡和:yihe 飞鸿:feihong 信达:xinda 精诚:jingcheng 永辉:yonghui 新锐:xinrui
  浩瀚:haohan 东方:dongfang 千帆:qianfan 云栖:yunqi 讯飞:xunfei 佳音:jiayin 银河:yinhe
`);

export interface Industry extends Word {
  /** Short English word some companies put in their domain. */
  en: string;
}

export const INDUSTRIES: Industry[] = [
  { zh: '网络科技', py: 'keji', en: 'tech' },
  { zh: '信息技术', py: 'xinxi', en: 'it' },
  { zh: '科技', py: 'keji', en: 'tech' },
  { zh: '软件', py: 'ruanjian', en: 'soft' },
  { zh: '文化传媒', py: 'chuanmei', en: 'media' },
  { zh: '电子商务', py: 'dianshang', en: 'shop' },
  { zh: '教育科技', py: 'jiaoyu', en: 'edu' },
  { zh: '餐饮管理', py: 'canyin', en: 'food' },
  { zh: '建筑工程', py: 'jianzhu', en: 'build' },
  { zh: '贸易', py: 'maoyi', en: 'trade' },
  { zh: '企业管理咨询', py: 'zixun', en: 'consult' },
  { zh: '广告', py: 'guanggao', en: 'ad' },
  { zh: '物流', py: 'wuliu', en: 'logistics' },
  { zh: '医疗器械', py: 'yiliao', en: 'med' },
  { zh: '环保科技', py: 'huanbao', en: 'eco' },
  { zh: '生物科技', py: 'shengwu', en: 'bio' },
  { zh: '新能源', py: 'nengyuan', en: 'energy' },
  { zh: '农业发展', py: 'nongye', en: 'agri' },
  { zh: '机械设备', py: 'jixie', en: 'machine' },
  { zh: '食品', py: 'shipin', en: 'food' },
  { zh: '装饰工程', py: 'zhuangshi', en: 'deco' },
  { zh: '旅游', py: 'lvyou', en: 'travel' },
  { zh: '酒店管理', py: 'jiudian', en: 'hotel' },
  { zh: '汽车服务', py: 'qiche', en: 'auto' },
  { zh: '人力资源', py: 'renli', en: 'hr' },
  { zh: '智能科技', py: 'zhineng', en: 'ai' },
];

/** Legal forms, with the weight each gets in sample names. */
export const COMPANY_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 80],
  ['有限责任公司', 8],
  ['股份有限公司', 6],
  ['集团有限公司', 2],
];

/** Suffixes of a company's own service names: website, app, mini-program, quick app. */
export const WEBSITE_SUFFIXES = ['官网', '官方网站', '', '商城', '在线'];
export const APP_SUFFIXES = ['', '助手', '生活', '出行', '云', '管家'];
export const MINI_PROGRAM_SUFFIXES = ['小程序', '会员中心', '预约', '商城', '小店', '服务'];
export const QUICK_APP_SUFFIXES = ['快应用', ''];

/**
 * Personal site names: two words that keep clear of the words barred for individual sites
 * (论坛, 网站, 平台, 工作室 …, reference §4.4) and of people's names.
 */
export const PERSONAL_SITE_FIRST = words(`
  拾光:shiguang 山海:shanhai 云间:yunjian 星河:xinghe 青柠:qingning 半亩:banmu 南山:nanshan
  听雨:tingyu 晚风:wanfeng 北窗:beichuang 竹影:zhuying 清溪:qingxi 小楼:xiaolou 墨香:moxiang
  浮生:fusheng 归途:guitu 初心:chuxin 远山:yuanshan 白露:bailu 秋水:qiushui
`);
export const PERSONAL_SITE_SECOND = words(`
  笔记:biji 随笔:suibi 札记:zhaji 小记:xiaoji 日志:rizhi 杂谈:zatan 书房:shufang 小筑:xiaozhu
  手记:shouji 时光:shiguang
`);

export const PUBLIC_INSTITUTIONS = words(`
  第一中学:yizhong 第二中学:erzhong 实验小学:shiyanxiaoxue 人民医院:hospital 中医院:zyy
  图书馆:library 博物馆:museum 职业技术学院:vtc 疾病预防控制中心:cdc 档案馆:archives
`);

export const GOVERNMENT_BODIES = words(`
  人民政府:www 教育局:jyj 市场监督管理局:scjg 文化和旅游局:wlj 卫生健康委员会:wjw 人力资源和社会保障局:rsj
  自然资源和规划局:zrzyj 统计局:tjj
`);

export const SOCIAL_ORGANISATIONS = words(`
  摄影家协会:sheying 软件行业协会:software 书法家协会:shufa 青年企业家协会:qiye 慈善总会:cishan
  羽毛球协会:badminton 律师协会:lawyer 电子商务协会:ecommerce
`);

export const PRIVATE_NON_ENTERPRISES = words(`
  培训学校:peixun 养老服务中心:yanglao 社会工作服务中心:shegong 艺术培训中心:yishu
`);

/** Suffixes for company domains, most common first. */
export const COMPANY_TLDS: readonly (readonly [string, number])[] = [
  ['com', 55],
  ['cn', 18],
  ['com.cn', 10],
  ['net', 6],
  ['top', 3],
  ['vip', 2],
  ['中国', 1],
  ['公司', 1],
  ['ltd', 1],
  ['tech', 1],
  ['shop', 1],
  ['xyz', 1],
];

export const PERSONAL_TLDS: readonly (readonly [string, number])[] = [
  ['com', 30],
  ['cn', 20],
  ['top', 15],
  ['xyz', 8],
  ['net', 8],
  ['site', 5],
  ['fun', 4],
  ['cc', 4],
  ['ink', 3],
  ['life', 3],
];
