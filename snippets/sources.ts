import * as z from 'zod/mini'
import { isoDate, text, uniqueIds, validate } from './schema.ts'

/*
 * The source registry: facts.md's "Sources" list (S0–S68) as data. Slides cite ids
 * (`<SourceCite ids="S12" />`), charts and the timeline carry ids, and the appendix
 * (`<SourcesList />`) is generated from this list, so a source is written down once.
 * publisher/title/date/url are as stored in facts.md; where one id bundles several
 * documents, the first is the main entry and the rest are in `also`. `short` is the form
 * shown on slides; it is unique so a citation never points at two sources.
 * `via` names the site whose copy of a document was read, when it is not the publisher's
 * own (publisher "Yomiuri", via "FAN"): the appendix says so next to the link, as facts.md does.
 */

const document = /* @__PURE__ */ (() => z.object({
  publisher: text,
  /** The site holding the copy that was read, when it is not the publisher's own. */
  via: z.optional(text),
  title: z.optional(text),
  date: z.optional(isoDate),
  // http(s) only: z.url() alone accepts any scheme, and a mangled "tps://" once slipped in.
  url: z.url({ protocol: /^https?$/, message: 'is not an http(s) URL' }),
}))()

const source = /* @__PURE__ */ (() => z.extend(document, {
  id: z.string().check(z.regex(/^S\d+$/, 'is not a source id like "S12"')),
  short: text,
  also: z.optional(z.array(document)),
}))()

export type SourceDocument = z.infer<typeof document>
export type Source = z.infer<typeof source>

export const sourcesSchema = /* @__PURE__ */ (() => z.object({
  sources: z.array(source).check(z.check((ctx) => {
    uniqueIds(ctx.value, ctx.issues)
    const shorts = new Set<string>()
    ctx.value.forEach((s, i) => {
      if (shorts.has(s.short))
        ctx.issues.push({ code: 'custom', message: 'is the short form of an earlier source too', input: s.short, path: [i, 'short'] })
      shorts.add(s.short)
    })
  })),
}))()

const RAW = { sources: [
  { id: 'S0', publisher: 'The Diplomat', title: 'After the Japan-South Korea Summit, the Ball Is in Washington\'s Court', url: 'https://thediplomat.com/2023/04/after-the-japan-south-korea-summit-the-ball-is-in-washingtons-court/', short: 'The Diplomat 2023' },
  { id: 'S1', publisher: 'The Diplomat (magazine, S. Goto)', title: 'The US and the Japan-South Korea Summit', url: 'https://magazine.thediplomat.com/2023-04/the-us-and-the-japan-south-korea-summit', short: 'Goto, The Diplomat 2023' },
  { id: 'S2', publisher: 'Japan Times', title: 'Trilateral summit tightens Asian leaders\' resolve', date: '2016-04-03', url: 'https://www.japantimes.co.jp/news/2016/04/03/national/trilateral-summit-tightens-asian-leaders-resolve-north-korea/', short: 'Japan Times 2016' },
  { id: 'S3', publisher: 'Yonhap', title: 'Court says Seoul\'s inaction over former \'comfort women\' unconstitutional', url: 'https://en.yna.co.kr/view/AEN20110830007951315', short: 'Yonhap, Aug 2011' },
  { id: 'S4', publisher: 'Reuters', title: 'Japan recalls ambassador', date: '2012-08-10', url: 'http://cn.reuters.com/article/korea-japan-idCNL4E8JA3ST20120810', short: 'Reuters 2012' },
  { id: 'S5', publisher: 'Prime Minister\'s Office of Japan (Kantei)', title: 'Japan-ROK Summit Meeting (Summary), 18 Dec 2011', url: 'https://japan.kantei.go.jp/noda/diplomatic/201112/18rok_e.html', short: 'Kantei 2011' },
  { id: 'S6', publisher: 'Japan Times/Kyodo', via: 'an archived copy', title: 'Lee pressures Noda on \'comfort women\'', date: '2011-12-19', url: 'https://megalodon.jp/ref/2012-1008-1207-33/www.japantimes.co.jp/text/nn20111219a1.html', short: 'Japan Times/Kyodo 2011' },
  { id: 'S7', publisher: 'China Daily (Reuters)', title: 'Agreement includes apology… 1 billion yen fund', date: '2015-12-29', url: 'http://covid-19.chinadaily.com.cn/world/2015-12/29/content_22848228.htm', short: 'China Daily/Reuters 2015; Wikipedia', also: [{ publisher: 'Wikipedia (Kerry quote)', url: 'https://en.wikipedia.org/wiki/Japan%E2%80%93South_Korea_Comfort_Women_Agreement' }] },
  { id: 'S8', publisher: 'TIME/AP', date: '2018-11-21', url: 'http://time.com/5460954/seoul-close-japan-sex-slavery-foundation/', short: 'TIME/AP 2018; KBS 2019', also: [{ publisher: 'KBS', date: '2019-01-29', url: 'http://world.kbs.co.kr/service/news_view.htm?Seq_Code=53259&lang=i' }, { publisher: 'Japan Times/Kyodo', date: '2019-07-05', url: 'https://www.japantimes.co.jp/news/2019/07/05/national/politics-diplomacy/south-korea-formally-closes-japan-funded-comfort-women-foundation/' }] },
  { id: 'S9', publisher: 'Yomiuri', via: 'FAN', title: 'Japan invokes export controls against S. Korea', date: '2019-07-04', url: 'https://fluoridealert.org/news/japan-invokes-export-controls-against-s-korea/', short: 'Yomiuri, Jul 2019' },
  { id: 'S10', publisher: 'Dong-A Ilbo', title: 'Japan to remove S. Korea from its \'white list\'', date: '2019-08-28', url: 'https://www.donga.com/en/article/all/20190828/1830629/1', short: 'Dong-A Ilbo, Aug 2019' },
  { id: 'S11', publisher: 'The Hindu/AP', title: 'South Korea to remove Japan from preferred trade list', date: '2019-08-12', url: 'https://www.thehindu.com/news/international/south-korea-to-remove-japan-from-preferred-trade-list/article28996213.ece', short: 'The Hindu/AP 2019' },
  { id: 'S12', publisher: 'Yonhap', date: '2019-08-22', url: 'https://en.yna.co.kr/view/AEN20190822011700315', short: 'Yonhap, Aug 2019', also: [{ publisher: 'Korea.net', date: '2019-08-23', url: 'http://www.korea.net/NewsFocus/policies/view?articleId=174533' }] },
  { id: 'S13', publisher: 'Korea.net', date: '2019-11-23', url: 'https://www.korea.net/NewsFocus/policies/view?articleId=179694', short: 'Korea.net 2019; VOA', also: [{ publisher: 'VOA', via: 'a forum copy', url: 'https://vietjoy.com/viewtopic.php?f=30&t=77887&view=print' }] },
  { id: 'S14', publisher: 'Korea Herald/Yonhap', date: '2018-10-30', url: 'http://www.koreaherald.com/view.php?ud=20181030000606', short: 'Korea Herald, Oct 2018', also: [{ publisher: 'Japan Times (excerpt)', via: 'Business & Human Rights Resource Centre', title: 'South Korea\'s top court to issue ruling this month on wartime forced labor claims', url: 'https://business-humanrights.org/zh-hant/最新消息/south-koreas-top-court-to-issue-ruling-this-month-on-wartime-forced-labor-claims-against-japanese-firm' }] },
  { id: 'S15', publisher: 'NYT', via: 'WRAL', date: '2018-11-29', url: 'https://www.wral.com/south-korean-court-orders-mitsubishi-of-japan-to-pay-for-forced-wartime-labor/18028259/', short: 'NYT 2018' },
  { id: 'S16', publisher: 'Global Korean Post', date: '2019-09-13', url: 'https://globalkorean.ca/news/3894/', short: 'Global Korean Post 2019', also: [{ publisher: 'Law360', date: '2019-09-16', url: 'https://www.law360.com/articles/1199292/south-korea-launches-wto-challenge-to-japan-export-curbs' }] },
  { id: 'S17', publisher: 'Korea Herald', date: '2020-07-29', url: 'http://www.koreaherald.com/view.php?ud=20200729000885', short: 'Korea Herald 2020' },
  { id: 'S18', publisher: 'Yonhap', date: '2023-03-06', url: 'https://m-en.yna.co.kr/view/AEN20230306001753325', short: 'Yonhap, Mar 2023' },
  { id: 'S19', publisher: 'Yomiuri', date: '2023-03-16', url: 'https://japannews.yomiuri.co.jp/politics/politics-government/20230316-97697/', short: 'Yomiuri, 16 Mar 2023' },
  { id: 'S20', publisher: 'Yonhap', via: 'Korea News Gazette', title: 'S. Korea withdraws WTO complaint', url: 'https://www.koreanewsgazette.com/2nd-ld-s-korea-withdraws-wto-complaint-about-japans-export-curb/', short: 'Yonhap, WTO withdrawal' },
  { id: 'S21', publisher: 'Yomiuri/Jiji', date: '2023-03-21', url: 'https://japannews.yomiuri.co.jp/world/asia-pacific/20230321-98743', short: 'Yomiuri/Jiji, 21 Mar 2023' },
  { id: 'S22', publisher: 'Korea.net', date: '2023-05-03', url: 'https://www.korea.net/NewsFocus/policies/view?articleId=232198', short: 'Korea.net, May 2023', also: [{ publisher: 'Japan Times', date: '2023-05-07', url: 'https://www.japantimes.co.jp/news/2023/05/07/national/politics-diplomacy/kishida-south-korea-visit-yoon-talks/' }] },
  { id: 'S23', publisher: 'Dong-A', date: '2015-10-29', url: 'https://donga.com/en/article/all/20151029/411686/1', short: 'Dong-A Ilbo 2015' },
  { id: 'S24', publisher: 'LDP', title: 'Building a future-oriented relationship', date: '2015-11-02', url: 'https://www.jimin.jp/english/news/130902.html', short: 'LDP 2015' },
  { id: 'S25', publisher: 'Yonhap', date: '2019-12-20', url: 'https://en.yna.co.kr/view/AEN20191220003800315', short: 'Yonhap, Dec 2019' },
  { id: 'S26', publisher: 'Yonhap', date: '2022-11-12', url: 'https://m-en.yna.co.kr/view/AEN20221112002300315', short: 'Yonhap, Nov 2022', also: [{ publisher: 'Jiji', via: 'Arab News Japan', url: 'https://www.arabnews.jp/en/japan/article_84219' }] },
  { id: 'S27', publisher: 'Asiae', date: '2023-04-24', url: 'https://cm.asiae.co.kr/en/article/2023042407380895785', short: 'Asiae; Dong-A, Jun 2023', also: [{ publisher: 'Dong-A', date: '2023-06-28', url: 'https://donga.com/en/article/all/20230628/4252885/1' }] },
  { id: 'S28', publisher: 'KBS', date: '2023-04-25', url: 'http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=177359', short: 'KBS, 25 Apr 2023' },
  { id: 'S29', publisher: 'Office of the President (ROK)', date: '2023-04-27', url: 'https://eng.president.go.kr/briefing/Sf7k2w7Q', short: 'ROK President\'s Office 2023', also: [{ publisher: 'DoD News', date: '2023-04-26', url: 'https://www.defense.gov/News/News-Stories/Article/Article/3375770/us-south-korea-unveil-joint-declaration-outlining-steps-to-bolster-deterrence/' }, { publisher: 'FDD', date: '2023-04-28', url: 'https://www.fdd.org/analysis/2023/04/28/washington-declaration-shores-up-us-security-commitments-to-south-korea/' }] },
  { id: 'S30', publisher: 'White House', title: 'FACT SHEET: The Trilateral Leaders\' Summit at Camp David', url: 'https://www.whitehouse.gov/briefing-room/statements-releases/2023/08/18/fact-sheet-the-trilateral-leaders-summit-at-camp-david/', short: 'White House 2023' },
  { id: 'S31', publisher: 'KBS', title: 'The Spirit of Camp David (full text)', url: 'http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=179895', short: 'KBS, Spirit of Camp David' },
  { id: 'S32', publisher: 'Pulse/Maeil', date: '2019-07-08', url: 'https://m.pulsenews.co.kr/view.php?sc=30800025&year=2019&no=496731', short: 'Pulse/Maeil 2019' },
  { id: 'S33', publisher: 'Korea JoongAng Daily', date: '2015-06-19', url: 'https://koreajoongangdaily.joins.com/2015/06/19/industry/KoreaJapan-trade-suffers/3005638.html', short: 'JoongAng Daily 2015' },
  { id: 'S34', publisher: 'Tokyo Shimbun/Kyodo', via: 'US Embassy JMH', date: '2015-03-24', url: 'https://jmh.usembassy.gov/2015032480865/', short: 'Tokyo Shimbun/Kyodo 2015' },
  { id: 'S35', publisher: 'Yonhap', via: 'bestmadeinkorea', title: 'Japan slips to 5th-largest export market', url: 'http://blog.bestmadeinkorea.com/japan-slips-to-5th-largest-export-market-for-south-korea/', short: 'Yonhap, export markets' },
  { id: 'S36', publisher: 'BusinessKorea', title: 'Imports from Japan Fall Sharply', url: 'http://www.businesskorea.co.kr/news/articleView.html?idxno=38210', short: 'BusinessKorea, imports' },
  { id: 'S37', publisher: 'Yonhap', date: '2020-01-26', url: 'https://m-en.yna.co.kr/view/AEN20200126000900315', short: 'Yonhap, Jan 2020' },
  { id: 'S38', publisher: 'Yonhap', title: 'S. Korean exports to Japan dip 11.7 pct in 2020', date: '2021-01-19', url: 'https://en.yna.co.kr/view/AEN20210119000900320', short: 'Yonhap, Jan 2021', also: [{ publisher: 'KBS (MOTIE data)', url: 'http://world.kbs.co.kr/service/news_view.htm?Seq_Code=84230&lang=g' }] },
  { id: 'S39', publisher: 'Arirang/KTO', via: 'indutourismnews', url: 'https://indutourismnews.com/s-korean-tourists-to-japan-decreased-by-5-percent-on-year/', short: 'Arirang/KTO' },
  { id: 'S40', publisher: 'UCSB American Presidency Project', title: 'Phnom Penh Statement', url: 'https://presidency.ucsb.edu/documents/joint-statement-president-biden-prime-minister-fumio-kishida-japan-and-president-yoon-suk', short: 'Phnom Penh Statement 2022; Jiji 2023', also: [{ publisher: 'nippon.com/Jiji', date: '2023-02-28', url: 'https://www.nippon.com/en/news/yjj2023022801082/japan-u-s-s-korea-hold-1st-economic-security-talks.html' }, { publisher: 'Yonhap', via: 'Korea News Gazette', url: 'https://www.koreanewsgazette.com/s-korea-u-s-japan-hold-first-economic-security-dialogue-session/' }] },
  { id: 'S41', publisher: 'Yomiuri', via: 'JMH', date: '2016-01-20', url: 'https://jmh.usembassy.gov/2016012072750/', short: 'Yomiuri, Jan 2016' },
  { id: 'S42', publisher: 'nippon.com', title: 'Number of South Koreans Visiting Japan Plummets', url: 'https://www.nippon.com/en/japan-data/h00566/number-of-south-koreans-visiting-japan-plummets.html', short: 'nippon.com/Jiji (JNTO)', also: [{ publisher: 'Jiji', title: 'South Korean visitors to Japan dive 25.9 pct in 2019', url: 'https://www.nippon.com/en/news/yjj2020011700926/south-korean-visitors-to-japan-dive-25-9-pct-in-2019.html' }, { publisher: 'Jiji', title: 'Japan top source of visitors to S. Korea for 1st time in 11 yrs', url: 'https://www.nippon.com/en/news/yjj2024013101159/japan-top-source-of-visitors-to-s-korea-for-1st-time-in-11-yrs.html' }, { publisher: 'Korea Herald', date: '2017-12-11', url: 'http://www.koreaherald.com/view.php?ud=20171211000714' }, { publisher: 'JoongAng Ilbo', date: '2023-01-19', url: 'https://japanese.joins.com/JArticle/300075' }, { publisher: 'Kyodo', via: 'JMH', date: '2019-12-19', url: 'https://jmh.usembassy.gov/20191219134618/' }] },
  { id: 'S43', publisher: 'CSIS', title: 'The Legacy of Camp David… Trilateral Secretariat', url: 'https://www.csis.org/analysis/legacy-camp-david-united-states-south-korea-and-japan-establish-trilateral-secretariat', short: 'CSIS' },
  { id: 'S44', publisher: 'KUNA', via: 'MENAFN', date: '2024-11-20', url: 'https://menafn.com/1108907098/Japan-US-S-Korea-Launch-Trilateral-Secretariat', short: 'KUNA 2024' },
  { id: 'S45', publisher: 'EAI', title: '2015 analysis', url: 'http://www.eai.or.kr/new/en/project/view.asp?code=104&intSeq=17186', short: 'EAI 2015' },
  { id: 'S46', publisher: 'Chosun', via: 'EAI', date: '2016-07-21', url: 'http://www.eai.or.kr/new/en/news/notice_view.asp?intSeq=8106', short: 'Chosun 2016' },
  { id: 'S47', publisher: 'Jiji (2019-06-12, quoted)', url: 'https://www.jiji.com/jc/article?k=2019061201018', short: 'Jiji, Jun 2019' },
  { id: 'S48', publisher: 'Genron NPO (2020 poll)', url: 'https://genron-npo.net/en/opinion_polls/archives/5562.html', short: 'Genron NPO 2020' },
  { id: 'S49', publisher: 'Jiji', via: 'JMH', date: '2021-09-28', url: 'https://jmh.usembassy.gov/20210929176619/', short: 'Kyodo 2022; Jiji 2021', also: [{ publisher: 'Japan Times/Kyodo', date: '2022-09-02', url: 'https://www.japantimes.co.jp/news/2022/09/02/national/south-korea-japan-relations-survey/' }] },
  { id: 'S50', publisher: 'Mainichi', via: 'EAI', title: 'More Japanese positive on S. Korea than negative', date: '2023-10-13', url: 'https://eai.or.kr/new/en/news/notice_view.asp?intSeq=22159', short: 'Mainichi, Oct 2023' },
  { id: 'S51', publisher: 'Korea Herald/Yonhap', date: '2021-01-28', url: 'http://www.koreaherald.com/view.php?ud=20210128000112', short: 'Korea Herald/Yonhap 2021', also: [{ publisher: 'Korea Herald/AFP', date: '2019-09-19', url: 'http://www.koreaherald.com/view.php?ud=20190919000853' }] },
  { id: 'S52', publisher: 'Korea Herald', date: '2019-08-02', url: 'https://m.koreaherald.com/view.php?ud=20190802000462', short: 'Korea Herald 2019; UPI 2020', also: [{ publisher: 'UPI', date: '2020-12-07', url: 'https://www.upi.com/Top_News/World-News/2020/12/07/Japans-Uniqlo-closing-South-Korea-stores-amid-boycott/9771607359616/' }] },
  { id: 'S53', publisher: 'Japan Times', date: '2019-10-09', url: 'https://japantimes.co.jp/news/2019/10/09/business/japanese-manufacturers-use-decades-experience-dominate-key-chemical-market-cutting-edge-chips', short: 'Japan Times, Oct 2019' },
  { id: 'S54', publisher: 'BusinessKorea (Woori FRI)', url: 'http://www.businesskorea.co.kr/news/articleView.html?idxno=35920', short: 'BusinessKorea (Woori FRI)', also: [{ publisher: 'BusinessKorea (Kyodo/MoF)', url: 'http://www.businesskorea.co.kr/news/articleView.html?idxno=35511' }] },
  { id: 'S55', publisher: 'ChinaFlashMarket (MOTIE, 2021-06-28)', url: 'https://en.chinaflashmarket.com/news/view?id=13870', short: 'ChinaFlashMarket (MOTIE 2021)', also: [{ publisher: 'Hatena summary of Korea Customs Service (KCS) data', url: 'https://b.hatena.ne.jp/gav/20210127' }] },
  { id: 'S56', publisher: 'Korea JoongAng Daily', via: 'FAN', url: 'https://fluoridealert.org/news/no-japanese-hydrogen-fluoride-makes-way-into-korea-in-aug-after-export-curb/', short: 'JoongAng Daily, HF imports' },
  { id: 'S57', publisher: 'Yomiuri', date: '2023-11-17', url: 'https://japannews.yomiuri.co.jp/world/asia-pacific/20231117-150153/', short: 'Yomiuri, Nov 2023' },
  { id: 'S58', publisher: 'TrendForce', date: '2023-03-02', url: 'https://www.trendforce.com/presscenter/news/20230302-11588.html', short: 'TrendForce 2023', also: [{ publisher: 'TrendForce (share figures)', via: 'a secondary summary', url: 'https://meterpreter.org/the-revenue-of-the-dram-industry-dropped-by-more-than-30-quarter-on-quarter-in-4q22' }] },
  { id: 'S59', publisher: 'Nikkei', via: 'EEWorld', date: '2023-09-14', url: 'https://en.eeworld.com/mp/Icbank/a291181.jspx', short: 'Nikkei, Sep 2023' },
  { id: 'S60', publisher: 'SNE Research', url: 'https://www.sneresearch.com/en/insight/release_view/55/page/24', short: 'SNE Research', also: [{ publisher: 'SNE Research', url: 'https://www.sneresearch.com/en/insight/release_view/98/page/0' }] },
  { id: 'S61', publisher: 'Fortune India (IEA Critical Minerals Policy Tracker)', url: 'https://fortuneindia.com/amp/story/enterprise/vital-minerals-metals-for-clean-energy-dominated-by-one-countrychina-iea/110723', short: 'IEA via Fortune India', also: [{ publisher: 'ANI', via: 'nepalnews', url: 'https://nepalnews.com/index.php/s/global/china-s-domination-of-rare-earth-elements-remains-a-threat' }] },
  { id: 'S62', publisher: 'eeNews Europe (SIA 2020)', url: 'https://www.eenewseurope.com/en/sia-report-assesses-us-regional-semiconductor-industries/', short: 'SIA 2020', also: [{ publisher: 'Mint/WSJ', date: '2021-03-24', url: 'https://www.livemint.com/companies/news/intel-ceo-presses-turnaround-effort-with-20-billion-investment-plan/amp-11616585037455.html' }] },
  { id: 'S63', publisher: 'Sputnik', date: '2022-08-09', url: 'https://sputnikglobe.com/amp/20220809/biden-signs-bill-bolstering-us-semiconductor-industry-science-amid-competition-with-china-1099427478.html', short: 'Sputnik 2022', also: [{ publisher: 'WebProNews', title: 'The CHIPS and Science Act is officially law', url: 'https://www.webpronews.com/the-chips-and-science-act-is-officially-law/' }] },
  { id: 'S64', publisher: 'The Independent', date: '2022-08-16', url: 'https://www.the-independent.com/news/world/americas/us-politics/biden-inflation-reduction-act-signing-b2146367.html', short: 'The Independent 2022', also: [{ publisher: 'CarBuzz (Reuters)', url: 'https://carbuzz.com/news/south-korea-is-mad-at-the-biden-administration-over-ev-tax-credits' }] },
  { id: 'S65', publisher: 'KBS', date: '2023-04-27', url: 'https://world.kbs.co.kr/service/news_view.htm?Seq_Code=177427&lang=e', short: 'KBS, 27 Apr 2023', also: [{ publisher: 'Korea Times', via: 'propertyarea', url: 'https://propertyarea.asia/?p=132099' }] },
  { id: 'S66', publisher: 'Reuters', via: 'Yahoo News', date: '2022-09-30', url: 'https://news.yahoo.com/taiwan-says-u-led-chip-035855693.html', short: 'Kyodo 2023; Reuters 2022', also: [{ publisher: 'Kyodo (2023-02)', url: 'https://english.kyodonews.net/news/2023/02/fb77092264b1-japan-us-s-korea-taiwan-launch-chip-4-talks-for-supply-chain.html' }] },
  { id: 'S67', publisher: 'Mayer Brown', date: '2023-09-28', url: 'https://www.mayerbrown.com/en/insights/publications/2023/09/us-japan-south-korea-promise-to-improve-supply-chain-monitoring-at-camp-david-summit', short: 'Mayer Brown 2023' },
  { id: 'S68', publisher: 'KEIA', title: 'The Economic Components of the Camp David Trilateral Summit', url: 'https://keia.org/the-peninsula/the-economic-components-of-camp-david-trilateral-summit/', short: 'KEIA', also: [{ publisher: 'GovCon Exec', url: 'https://govconexec.com/?p=612177' }] },
] }

// Validated wherever the data can still be fixed: tests, `slidev dev`, and every build and export
// (vite.config.ts imports this module). The production bundle ships that checked data as is,
// so the browser never downloads zod.
export const sources: readonly Source[] = (import.meta.env?.PROD ? RAW as z.output<typeof sourcesSchema> : validate('snippets/sources.ts', sourcesSchema, RAW)).sources

const byId = new Map(sources.map(s => [s.id, s]))

/** Every registered id, for schemas that check references. */
export const SOURCE_IDS: ReadonlySet<string> = new Set(byId.keys())

/** The source with this id; throws (naming the id) rather than render a blank citation. */
export function sourceById(id: string): Source {
  const found = byId.get(id)
  if (!found)
    throw new Error(`snippets/sources.ts: no source with id ${JSON.stringify(id)}`)
  return found
}
