#!/usr/bin/env python3
"""Writes assets/china-kazakhstan.relmap.json from the readable table below.

Kept in the repo so the shipped dataset can be reviewed and regenerated; the Rust loader
is the authority on validity (`relmap check`), this script only refuses quotes that are
not substrings of the article (up to whitespace runs, as the loader allows) so typos are caught while editing.
"""
import json, pathlib, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEXT = (ROOT / "assets" / "china-kazakhstan.txt").read_text(encoding="utf-8")

def actor(id, name, kind, aliases=(), native=(), secondary=False, position=None):
    a = {"id": id, "name": name, "kind": kind}
    if aliases: a["aliases"] = list(aliases)
    if native: a["native_names"] = list(native)
    if secondary: a["secondary"] = True
    if position: a["position"] = position
    return a

ACTORS = [
    actor("china", "China", "state", ["PRC", "Beijing", "Chinese", "Sino-"],
          ["中国", "中华人民共和国"], position=[0.12, 0.42]),
    actor("kazakhstan", "Kazakhstan", "state", ["Astana", "Kazakhstani", "Kazakhstanis"],
          ["Қазақстан", "Казахстан"], position=[0.72, 0.42]),
    actor("russia", "Russia", "state", ["Russian", "Russians"], ["Россия"], position=[0.30, 0.98]),
    actor("united-states", "United States", "state", ["Washington", "American", "U.S."],
          ["United States of America"], position=[0.95, 0.98]),
    actor("sco", "SCO", "organization", ["Shanghai Cooperation Organization"],
          ["上海合作组织", "Шанхайская организация сотрудничества"], position=[0.42, -0.1]),
    actor("india", "India", "state", [], [], secondary=True, position=[-0.12, 0.05]),
    actor("belarus", "Belarus", "state", [], ["Беларусь"], secondary=True, position=[0.62, 1.25]),
    actor("wto", "WTO", "organization", ["World Trade Organization"], secondary=True,
          position=[1.08, 0.2]),
    actor("taiwan", "Taiwan", "territory", [], ["臺灣"], secondary=True, position=[-0.15, 0.8]),
    actor("uighur-nationalists", "Uighur nationalists", "group",
          ["Uighurs", "East Turkestan Islamic Movement"], secondary=True, position=[0.42, 0.2]),
]

def rel(id, source, target, label, dimension, tone, passages, directed=False):
    ps = []
    for p in passages:
        q, d = (p if isinstance(p, tuple) else (p, None))
        if " ".join(q.split()) not in " ".join(TEXT.split()):
            sys.exit(f"{id}: quote not verbatim in article: {q[:60]!r}")
        entry = {"quote": q}
        if d: entry["date"] = d
        ps.append(entry)
    return {"id": id, "source": source, "target": target, "label": label,
            "dimension": dimension, "tone": tone, "directed": directed, "passages": ps}

MULTI_VECTOR = ("Under President Nursultan Nazarbayev, who has been in office since Kazakhstan gained "
                "independence in 1991, Kazakhstan has remained committed to a “multi-vector” foreign "
                "policy that seeks to maintain good relations with all countries with important "
                "economic, political, or other roles in Eurasia.", "1991")
SHARED_GOALS_SECURITY = ("But the three countries share such common goals as curbing regional terrorism, "
                         "preventing further nuclear proliferation", "2012")
SHARED_GOALS_ENERGY = ("expanding both the volume of Kazakhstan’s energy production and the diversity of "
                       "the routes through which it is exported.", "2012")
SCO_FRAME = ("Much Chinese-Kazakhstani security cooperation occurs within the framework of the Shanghai "
             "Cooperation Organization (SCO), of which both countries are founding members.", "2012")
PEACE_MISSION = ("A major military exercise, “Peace Mission 2010,” occurred in September 2010 in southern "
                 "Kazakhstan.", "2010-09")
CUSTOMS_UNION = ("Russia has sought to prevent the newly implemented Russia-Kazakhstan-Belarus Customs Union "
                 "from serving as a backdoor for the smuggling of cheap Chinese goods into Russia", "2012")
RU_BY_GOODS = ("Some Kazakhstanis complain that they can no longer buy cheap Chinese imports but must now "
               "spend more to buy often inferior quality goods from Russia and Belarus.", "2012")

RELATIONS = [
    rel("cn-kz-diplomacy", "china", "kazakhstan", "Political partnership and diplomatic support",
        "diplomacy", "cooperation", [
            ("One thing any visitor to Kazakhstan notices is how prominent China has become to Kazakhstani thinking.", "2012"),
            ("Kazakhstan’s goals regarding China include obtaining assistance in promoting Kazakhstan’s national independence, territorial integrity, and economic development.", "2012"),
            ("Since these objectives align well with the PRC’s own goals, Chinese-Kazakhstani relations have been generally good.", "2012"),
            ("China’s growing economic and security presence in Central Asia may elevate the partnership to a higher level in coming years", "2012"),
            ("China has assumed an increasingly significant role in this framework as a balancer to Russia and the West", "2012"),
            ("the PRC leadership’s desire to cultivate Beijing’s image as a benign international actor seeking “win-win” outcomes in foreign engagements as well as securing Astana’s diplomatic support regarding the status of Taiwan, Tibet, and other issues of foreign policy concern to Chinese leaders.", "2012"),
            ("Joint Kazakhstani-Chinese declarations also normally include a clause affirming the mainland’s position regarding Taiwan", "2012"),
            ("Chinese strategists would like Kazakhstan to help Beijing balance the presence of the other great powers active in Central Asia", "2012"),
        ]),
    rel("cn-kz-security", "china", "kazakhstan", "Counter-terrorism, defence and law-enforcement cooperation",
        "security", "cooperation", [
            ("Chinese goals regarding Kazakhstan have included securing Astana’s support in suppressing anti-Beijing Uighur nationalists and countering terrorist threats to the PRC", "2012"),
            ("In line with Chinese preferences, Central Asian governments regularly profess solidarity with Beijing’s counterterrorist concerns", "2012"),
            ("The Chinese government has supplied Kazakhstan with defense equipment, military training, and intelligence information regarding terrorist threats.", "2012"),
            ("The National Security Committee of Kazakhstan and the PRC Public Security Ministry regularly conduct joint anti-terrorist exercises in border regions.", "2012"),
            ("Kazakhstani and Chinese law enforcement agencies also collaborate against trafficking in narcotics and weapons.", "2012"),
            ("China’s defense academies now enroll Kazakhstani military personnel in their classes.", "2012"),
            ("The Chinese used the opportunity to develop defense relations with their Kazakhstani host.", "2010-09"),
            ("The Chinese media remarked that Kazakhstan’s allowing Chinese bombers to conduct mock bombings of its territory demonstrated “great trust” in a foreign country.", "2010-09"),
        ]),
    rel("cn-kz-economy", "china", "kazakhstan", "Trade, investment and transport links",
        "economy", "cooperation", [
            ("The two countries have enjoyed some of the highest growth rates in the world, making the further growth of their bilateral economic ties inevitable.", "2012"),
            ("opportunities to trade with and invest in Kazakhstan", "2012"),
            ("The Chinese leadership has been especially eager to help Kazakhstan’s develop its transportation and other economic infrastructure, which enhances the country’s capacity to serve as a transit state for Chinese economic activities in other Central Asian states and beyond.", "2012"),
            ("Thanks to its energy riches, Kazakhstan has become China's most important economic partner in Central Asia.", "2012"),
            ("China has been Kazakhstan's second-largest trade partner since 2009", "2009"),
            ("its biggest export destination since 2010", "2010"),
            ("Bilateral economic ties should expand further given that both countries regularly enjoy some of the world’s fastest growth rates", "2012"),
            ("During the past two decades, China and Kazakhstan have been developing the infrastructure needed to expand economic ties—creating border posts, energy pipelines, and east-west roads and railways.", "2012"),
        ]),
    rel("cn-kz-trade-barriers", "china", "kazakhstan", "Impediments to bilateral commerce",
        "economy", "tension", [
            ("Yet, much additional progress is needed in this area to achieve the higher levels of bilateral commerce sought in both Astana and Beijing.", "2012"),
            ("other impediments to expanded commercial exchanges include unsupportive visa policies, special regulations on Chinese consumer products, corrupt commercial practices in both countries, and Kazakhstan’s non-membership in the World Trade Organization.", "2012"),
            ("Kazakhstan’s close economic ties with Russia have constrained its ties with China.", "2012"),
            ("Vladimir Putin’s proposed Eurasian Union, which the Kazakhstani government has said they would join, could erect further economic and perhaps other barriers between China and Kazakhstan.", "2012"),
        ]),
    rel("cn-kz-energy", "china", "kazakhstan", "Energy investment and pipelines",
        "energy", "cooperation", [
            ("granting Chinese firms access to Kazakhstan’s energy resources", "2012"),
            ("economic and especially energy concerns have become increasingly important", "2012"),
            ("China’s growing demand for Kazakhstani’s rising exports of oil and gas", "2012"),
            ("Chinese energy firms have invested billions of dollars in oil projects in Kazakhstan and aim to increase that total.", "2012"),
            ("Major oil and gas pipelines link the two countries.", "2012"),
        ]),
    rel("cn-kz-society", "china", "kazakhstan", "Overlapping ethnic groups; limited cultural reach",
        "society", "mixed", [
            ("One unique factor differentiating China’s relations with Kazakhstan from those with the other Central Asian countries is their large overlapping ethnic groups.", "2012"),
            ("About 180,000 ethnic Uighurs reside in eastern Kazakhstan.", "2012"),
            ("In addition, as many as one million ethnic Kazakhs live in China, especially in Xinjiang.", "2012"),
            ("The continuing dominance of Russian culture, the Russian media, and the Russian language has limited Chinese influence in Kazakhstan.", "2012"),
            ("Chinese is not one of the languages supported by the government’s trilateral (Kazakh-Russian-English) language competency program.", "2012"),
        ]),
    rel("cn-sco", "china", "sco", "Founding member; security cooperation framework",
        "security", "cooperation", [SCO_FRAME, PEACE_MISSION,
            ("The Chinese used the opportunity to develop defense relations with their Kazakhstani host.", "2010-09")]),
    rel("kz-sco", "kazakhstan", "sco", "Founding member; hosted Peace Mission 2010",
        "security", "cooperation", [SCO_FRAME, PEACE_MISSION]),
    rel("cn-ru-diplomacy", "china", "russia", "Shared goals in Central Asia",
        "diplomacy", "cooperation", [
            ("Nonetheless, Russians do not consider China’s presence in Central Asia a threat to their core interests since they share many important goals for the region.", "2012"),
        ]),
    rel("cn-ru-transit-trade", "china", "russia", "Russia-China trade transits Kazakhstan",
        "economy", "cooperation", [
            ("On the one hand, much Russia-China trade go through Kazakhstan.", "2012"),
        ]),
    rel("ru-cn-smuggling-controls", "russia", "china", "Blocks smuggling of cheap Chinese goods",
        "economy", "tension", [CUSTOMS_UNION, RU_BY_GOODS], directed=True),
    rel("ru-cn-influence", "russia", "china", "Russian culture limits Chinese influence in Kazakhstan",
        "society", "tension", [
            ("The continuing dominance of Russian culture, the Russian media, and the Russian language has limited Chinese influence in Kazakhstan.", "2012"),
        ], directed=True),
    rel("kz-ru-economy", "kazakhstan", "russia", "Close economic ties; Customs Union and Eurasian Union",
        "economy", "cooperation", [
            ("Kazakhstan’s close economic ties with Russia have constrained its ties with China.", "2012"),
            CUSTOMS_UNION,
            ("Vladimir Putin’s proposed Eurasian Union, which the Kazakhstani government has said they would join", "2012"),
            RU_BY_GOODS,
        ]),
    rel("ru-kz-border-pressure", "russia", "kazakhstan", "Presses for tighter controls on the Chinese border",
        "security", "tension", [
            ("by pressing Kazakhstan to tighten controls at the Kazakhstani-Chinese border.", "2012"),
        ], directed=True),
    rel("kz-ru-diplomacy", "kazakhstan", "russia", "Multi-vector policy; China as a balancer to Russia",
        "diplomacy", "mixed", [MULTI_VECTOR,
            ("China has assumed an increasingly significant role in this framework as a balancer to Russia and the West", "2012"),
        ]),
    rel("kz-ru-society", "kazakhstan", "russia", "Dominance of Russian culture, media and language",
        "society", "cooperation", [
            ("The continuing dominance of Russian culture, the Russian media, and the Russian language", "2012"),
            ("trilateral (Kazakh-Russian-English) language competency program", "2012"),
        ]),
    rel("us-cn-diplomacy", "united-states", "china", "Concern over the Sino-Kazakhstani partnership",
        "diplomacy", "tension", [
            ("As for the United States, Washington has a few concerns about the burgeoning Sino-Kazakhstani partnership.", "2012"),
            ("Finally, Chinese strategists would like Kazakhstan to help Beijing balance the presence of the other great powers active in Central Asia, including India and the United States.", "2012"),
        ]),
    rel("us-cn-economy", "united-states", "china", "Commercial competition: state-backed Chinese firms",
        "economy", "tension", [
            ("Some American investors worry about their ability to compete with Chinese firms that enjoy much greater support from their home governments.", "2012"),
        ]),
    rel("us-cn-security", "united-states", "china", "Shared goals: terrorism and non-proliferation",
        "security", "cooperation", [SHARED_GOALS_SECURITY]),
    rel("us-cn-energy", "united-states", "china", "Shared goal: more Kazakh energy, more export routes",
        "energy", "cooperation", [SHARED_GOALS_ENERGY]),
    rel("us-kz-diplomacy", "united-states", "kazakhstan", "Multi-vector ties; unease over China's model",
        "diplomacy", "mixed", [MULTI_VECTOR,
            ("There is also unease that Kazakhstan’s leaders will seek to imitate China’s economic and political system rather than the more liberal development models advocated by Western governments.", "2012"),
        ]),
    rel("us-kz-security", "united-states", "kazakhstan", "Shared goals: terrorism and non-proliferation",
        "security", "cooperation", [SHARED_GOALS_SECURITY]),
    rel("us-kz-energy", "united-states", "kazakhstan", "Shared goal: more Kazakh energy, more export routes",
        "energy", "cooperation", [SHARED_GOALS_ENERGY]),
    # Secondary actors, each tied to a core actor by the text.
    rel("cn-in-balance", "china", "india", "Balancing India's presence in Central Asia",
        "diplomacy", "tension", [
            ("Chinese strategists would like Kazakhstan to help Beijing balance the presence of the other great powers active in Central Asia, including India and the United States.", "2012"),
        ]),
    rel("cn-tw-status", "china", "taiwan", "Claims Taiwan as inseparable Chinese territory",
        "diplomacy", "tension", [
            ("affirming the mainland’s position regarding Taiwan—that Beijing is the only legitimate government of China and that Taiwan is an inseparable part of Chinese territory.", "2012"),
        ], directed=True),
    rel("cn-ug-counterterrorism", "china", "uighur-nationalists", "Suppression of Uighur nationalists",
        "security", "tension", [
            ("suppressing anti-Beijing Uighur nationalists", "2012"),
            ("Beijing’s counterterrorist concerns, which center on the Uighur-based East Turkestan Islamic Movement.", "2012"),
        ], directed=True),
    rel("kz-ug-policy", "kazakhstan", "uighur-nationalists", "Limited tolerance; deportations to China",
        "security", "mixed", [
            ("Kazakhstani authorities, while allowing Uighurs to practice limited degrees of political activity, do not permit Uighurs to engage in unauthorized activities in China and have deported Uighurs accused of terrorism by the Chinese.", "2012"),
        ], directed=True),
    rel("kz-by-customs-union", "kazakhstan", "belarus", "Russia-Kazakhstan-Belarus Customs Union",
        "economy", "cooperation", [CUSTOMS_UNION, RU_BY_GOODS]),
    rel("ru-by-customs-union", "russia", "belarus", "Russia-Kazakhstan-Belarus Customs Union",
        "economy", "cooperation", [CUSTOMS_UNION]),
    rel("kz-wto-nonmember", "kazakhstan", "wto", "Not a member, an impediment to trade with China",
        "economy", "tension", [
            ("Kazakhstan’s non-membership in the World Trade Organization", "2012"),
        ]),
]

doc = {
    "format": "relmap/1",
    "title": "China–Kazakhstan partnership (2012)",
    "source": {
        "title": "The Underappreciated China-Kazakhstan Partnership",
        "author": "Richard Weitz",
        "date": "2012-03-01",
        "section": "Foreign Policy",
        "text_file": "china-kazakhstan.txt",
    },
    "actors": ACTORS,
    "relations": RELATIONS,
}
out = ROOT / "assets" / "china-kazakhstan.relmap.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out.name}: {len(ACTORS)} actors, {len(RELATIONS)} relations, "
      f"{sum(len(r['passages']) for r in RELATIONS)} passages")
