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

# Aliases include demonyms and adjectives, so the lint and "Underline actors" find mentions.
ACTORS = [
    actor("china", "China", "state",
          ["PRC", "Beijing", "Chinese", "Sino-", "mainland"],
          ["中国", "中华人民共和国"], position=[0.0, 0.42]),
    actor("kazakhstan", "Kazakhstan", "state",
          # Not "Kazakh"/"Kazakhs": the article uses them for the language (¶11) and for
          # ethnic Kazakhs in China (¶4), which would satisfy the mention lint falsely.
          ["Astana", "Kazakhstani", "Kazakhstanis"],
          ["Қазақстан", "Казахстан"], position=[1.0, 0.42]),
    actor("russia", "Russia", "state", ["Russian", "Russians"], ["Россия"], position=[0.45, 1.0]),
    actor("united-states", "United States", "state",
          ["Washington", "American", "Americans", "U.S.", "US"],
          ["United States of America"], position=[0.5, 0.0]),
    actor("sco", "SCO", "organization", ["Shanghai Cooperation Organization"],
          ["上海合作组织", "Шанхайская организация сотрудничества"], position=[0.5, 0.7]),
    actor("india", "India", "state", ["Indian"], ["भारत"], secondary=True, position=[-0.12, 0.05]),
    actor("belarus", "Belarus", "state", ["Belarusian"], ["Беларусь"], secondary=True,
          position=[0.62, 1.25]),
    actor("wto", "WTO", "organization", ["World Trade Organization"], secondary=True,
          position=[1.08, 0.2]),
    actor("taiwan", "Taiwan", "territory", [], ["臺灣"], secondary=True, position=[-0.15, 0.8]),
    # Three different things the article keeps apart: an ethnic group, a political current and
    # a militant organisation.
    actor("uighurs", "Uighurs", "ethnic group", ["Uighur", "ethnic Uighurs"], ["ئۇيغۇر"],
          secondary=True, position=[0.72, 0.1]),
    actor("uighur-nationalists", "Uighur nationalists", "group",
          ["anti-Beijing Uighur nationalists"], secondary=True, position=[0.3, 0.12]),
    actor("etim", "East Turkestan Islamic Movement", "militant group", ["ETIM"],
          secondary=True, position=[0.02, 0.22]),
]

def P(quote, date=None, tone=None, note=None, status=None, modality=None):
    """One passage. `date` in EDTF: an event's date ("2010-09"), or the span a state holds
    over ("2009/..": since 2009, running to the article's date); statements about the present
    carry none and are read as of the article (1 March 2012). `modality`: what kind of statement it is (forecast, aim, perception,
    assessment; "fact" where the sentence's wording could suggest otherwise)."""
    return {"quote": quote, "date": date, "tone": tone, "note": note, "status": status,
            "modality": modality}

def rel(id, source, target, label, dimension, tone, passages, directed=False):
    ps = []
    for p in passages:
        q = p["quote"]
        if " ".join(q.split()) not in " ".join(TEXT.split()):
            sys.exit(f"{id}: quote not verbatim in article: {q[:60]!r}")
        ps.append({k: v for k, v in p.items() if v is not None})
    out = {"id": id, "source": source, "target": target, "label": label, "dimension": dimension}
    if tone: out["tone"] = tone  # absent: derived from the passages' tones
    out["directed"] = directed
    out["passages"] = ps
    return out

GOAL = "A Chinese goal as the article states it, not a reported outcome."
AIM, FORECAST, FACT = "aim", "forecast", "fact"

# Whole sentences that back two relations (the lint allows at most two per quote).
SHARED_GOALS = P("But the three countries share such common goals as curbing regional terrorism, "
                 "preventing further nuclear proliferation, and expanding both the volume of "
                 "Kazakhstan’s energy production and the diversity of the routes through which it "
                 "is exported.", tone="cooperation", modality=AIM,
                 note="“The three countries”: the United States, China and Kazakhstan (¶12).")
BALANCER = P("China has assumed an increasingly significant role in this framework as a balancer "
             "to Russia and the West", tone="mixed",
             note="“This framework”: Kazakhstan’s multi-vector foreign policy (previous sentence).")
SCO_FRAME = P("Much Chinese-Kazakhstani security cooperation occurs within the framework of the "
              "Shanghai Cooperation Organization (SCO), of which both countries are founding members.",
              tone="cooperation")
PEACE_MISSION = P("A major military exercise, “Peace Mission 2010,” occurred in September 2010 in "
                  "southern Kazakhstan.", "2010-09", tone="cooperation")
CUSTOMS_UNION = P("On the other hand, Russia has sought to prevent the newly implemented "
                  "Russia-Kazakhstan-Belarus Customs Union from serving as a backdoor for the "
                  "smuggling of cheap Chinese goods into Russia by pressing Kazakhstan to tighten "
                  "controls at the Kazakhstani-Chinese border.", tone="tension", modality=FACT)
CU_MEMBERS = P("the newly implemented Russia-Kazakhstan-Belarus Customs Union", tone="cooperation",
               modality=FACT)
RU_BY_GOODS = P("Some Kazakhstanis complain that they can no longer buy cheap Chinese imports but "
                "must now spend more to buy often inferior quality goods from Russia and Belarus.",
                tone="tension", modality="perception",
                note="Some Kazakhstanis’ complaint (consumers, not the government), as reported.")
CONSTRAINED = P("Kazakhstan’s close economic ties with Russia have constrained its ties with China.")
EURASIAN_UNION = P("Vladimir Putin’s proposed Eurasian Union, which the Kazakhstani government has "
                   "said they would join, could erect further economic and perhaps other barriers "
                   "between China and Kazakhstan.", modality=FORECAST)
IMPEDIMENTS = P("In addition to the underdeveloped economic infrastructure connecting the two sides, "
                "other impediments to expanded commercial exchanges include unsupportive visa "
                "policies, special regulations on Chinese consumer products, corrupt commercial "
                "practices in both countries, and Kazakhstan’s non-membership in the World Trade "
                "Organization.", tone="tension")
TAIWAN = P("Joint Kazakhstani-Chinese declarations also normally include a clause affirming the "
           "mainland’s position regarding Taiwan—that Beijing is the only legitimate government of "
           "China and that Taiwan is an inseparable part of Chinese territory.")
GREAT_POWERS = P("Finally, Chinese strategists would like Kazakhstan to help Beijing balance the "
                 "presence of the other great powers active in Central Asia, including India and "
                 "the United States.", tone="tension", modality=AIM,
                 note="A Chinese goal as the article states it: balancing is competitive.")
RUSSIAN_CULTURE = P("The continuing dominance of Russian culture, the Russian media, and the Russian "
                    "language has limited Chinese influence in Kazakhstan.")
NO_THREAT = P("Nonetheless, Russians do not consider China’s presence in Central Asia a threat to "
              "their core interests since they share many important goals for the region.",
              tone="cooperation", modality="perception")
GOAL_SECURITY = P("Chinese goals regarding Kazakhstan have included securing Astana’s support in "
                  "suppressing anti-Beijing Uighur nationalists and countering terrorist threats to "
                  "the PRC", note=GOAL, modality=AIM)
DEPORTED = P("Kazakhstani authorities, while allowing Uighurs to practice limited degrees of "
             "political activity, do not permit Uighurs to engage in unauthorized activities in "
             "China and have deported Uighurs accused of terrorism by the Chinese.")
ENERGY_DEMAND = P("Bilateral economic ties should expand further given that both countries regularly "
                  "enjoy some of the world’s fastest growth rates and China’s growing demand for "
                  "Kazakhstani’s rising exports of oil and gas.", tone="cooperation",
                  modality=FORECAST)
MULTI_VECTOR = P("Under President Nursultan Nazarbayev, who has been in office since Kazakhstan "
                 "gained independence in 1991, Kazakhstan has remained committed to a "
                 "“multi-vector” foreign policy that seeks to maintain good relations with all "
                 "countries with important economic, political, or other roles in Eurasia.",
                 "1991/..", modality=FACT,
                 note="The frame of the article: the policy, held since independence in 1991.")
IMITATE = P("There is also unease that Kazakhstan’s leaders will seek to imitate China’s economic "
            "and political system rather than the more liberal development models advocated by "
            "Western governments.", tone="tension", modality="perception",
            note="American unease, as the article reports it (¶12).")
CONCERNS = P("As for the United States, Washington has a few concerns about the burgeoning "
             "Sino-Kazakhstani partnership.", modality="perception",
             note="A few concerns, about the partnership of China and Kazakhstan, not either alone.")
TRANSIT = P("On the one hand, much Russia-China trade go through Kazakhstan.")
ETIM = P("In line with Chinese preferences, Central Asian governments regularly profess solidarity "
         "with Beijing’s counterterrorist concerns, which center on the Uighur-based East Turkestan "
         "Islamic Movement.")

RELATIONS = [
    rel("cn-kz-diplomacy", "china", "kazakhstan", "Political partnership and diplomatic support",
        "diplomacy", "cooperation", [
            P("Kazakhstan’s goals regarding China include obtaining assistance in promoting Kazakhstan’s national independence, territorial integrity, and economic development.",
              note="Kazakhstan’s goals as the article states them.", modality=AIM),
            P("Since these objectives align well with the PRC’s own goals, Chinese-Kazakhstani relations have been generally good."),
            P("China’s growing economic and security presence in Central Asia may elevate the partnership to a higher level in coming years, especially if NATO forces disengage from the region as they withdraw their combat forces from Afghanistan.",
              note="A forecast; NATO forces disengaging from the region would strengthen it "
                   "(“especially if”), it is not a condition of it.", modality=FORECAST),
            dict(BALANCER, tone="cooperation",
                 note="China’s place in Kazakhstan’s multi-vector policy (“this framework”, ¶2): "
                      "a counterweight to Russia and the West."),
            P("Other considerations affecting Beijing’s policies toward Kazakhstan is the PRC leadership’s desire to cultivate Beijing’s image as a benign international actor seeking “win-win” outcomes in foreign engagements as well as securing Astana’s diplomatic support regarding the status of Taiwan, Tibet, and other issues of foreign policy concern to Chinese leaders.", note=GOAL, modality=AIM),
            TAIWAN,
            MULTI_VECTOR,
            dict(IMITATE, note="Whether Kazakhstan follows China’s model: American unease (¶12)."),
        ]),
    rel("cn-kz-security", "china", "kazakhstan", "Counter-terrorism, defence and law-enforcement cooperation",
        "security", "cooperation", [
            GOAL_SECURITY,
            P("In line with Chinese preferences, Central Asian governments regularly profess solidarity with Beijing’s counterterrorist concerns",
              note="Names Central Asian governments in general, not Kazakhstan: it is one of them by implication only."),
            DEPORTED,
            P("The Chinese government has supplied Kazakhstan with defense equipment, military training, and intelligence information regarding terrorist threats."),
            P("The National Security Committee of Kazakhstan and the PRC Public Security Ministry regularly conduct joint anti-terrorist exercises in border regions."),
            P("Kazakhstani and Chinese law enforcement agencies also collaborate against trafficking in narcotics and weapons."),
            P("China’s defense academies now enroll Kazakhstani military personnel in their classes."),
            P("Much Chinese-Kazakhstani security cooperation occurs within the framework of the Shanghai Cooperation Organization (SCO)",
              tone="cooperation"),
            PEACE_MISSION,
            P("The Chinese used the opportunity to develop defense relations with their Kazakhstani host.", "2010-09",
              note="“The opportunity”: Peace Mission 2010 (previous sentence)."),
            P("The Chinese media remarked that Kazakhstan’s allowing Chinese bombers to conduct mock bombings of its territory demonstrated “great trust” in a foreign country.", "2010-09",
              modality="perception", note="The Chinese media’s reading, as reported."),
        ]),
    rel("cn-kz-economy", "china", "kazakhstan", "Trade, investment and transport links",
        "economy", "cooperation", [
            P("China has assumed an increasingly significant role in this framework as a balancer to Russia and the West as well as partner in promoting Kazakhstan’s economic development."),
            P("The two countries have enjoyed some of the highest growth rates in the world, making the further growth of their bilateral economic ties inevitable.",
              modality=FORECAST,
              note="The author’s prediction from growth rates, as in ¶7 (“should expand further”)."),
            P("opportunities to trade with and invest in Kazakhstan", note=GOAL, modality=AIM),
            P("The Chinese leadership has been especially eager to help Kazakhstan’s develop its transportation and other economic infrastructure, which enhances the country’s capacity to serve as a transit state for Chinese economic activities in other Central Asian states and beyond.",
              modality=AIM, note="In the paragraph of Chinese goals (¶3): an eagerness, not a reported outcome."),
            P("Thanks to its energy riches, Kazakhstan has become China's most important economic partner in Central Asia."),
            P("China has been Kazakhstan's second-largest trade partner since 2009 and its biggest export destination since 2010.",
              "2009/..",
              note="A state, not a 2009 event: trade partner since 2009, export destination since 2010; drawn as a span to the article's date."),
            ENERGY_DEMAND,
            P("During the past two decades, China and Kazakhstan have been developing the infrastructure needed to expand economic ties—creating border posts, energy pipelines, and east-west roads and railways.",
              "1992~/..",
              note="“The past two decades” counted back from the article (2012): about 1992 onwards."),
        ]),
    rel("cn-kz-trade-barriers", "china", "kazakhstan", "Impediments to a trade expansion both sides seek",
        "economy", None, [
            P("Yet, much additional progress is needed in this area to achieve the higher levels of bilateral commerce sought in both Astana and Beijing.",
              tone="mixed", modality="assessment"),
            IMPEDIMENTS,
            dict(CONSTRAINED, note="A constraint from Kazakhstan’s ties with Russia, not friction "
                                   "between China and Kazakhstan."),
            dict(EURASIAN_UNION, tone="tension"),
            P("by pressing Kazakhstan to tighten controls at the Kazakhstani-Chinese border", tone="tension",
              modality=FACT, note="Russia’s pressure on the Kazakhstani-Chinese border (¶10)."),
            P("Some Kazakhstanis complain that they can no longer buy cheap Chinese imports",
              modality="perception",
              note="Consumers’ complaint at losing cheap Chinese imports (¶10): demand for Chinese "
                   "goods blocked, not friction with China."),
        ]),
    rel("cn-kz-energy", "china", "kazakhstan", "Energy investment and pipelines",
        "energy", "cooperation", [
            P("granting Chinese firms access to Kazakhstan’s energy resources", note=GOAL, modality=AIM),
            P("Although security considerations initially dominated China’s policies toward Kazakhstan and its other newly independent Central Asian neighbors, economic and especially energy concerns have become increasingly important."),
            ENERGY_DEMAND,
            P("Chinese energy firms have invested billions of dollars in oil projects in Kazakhstan and aim to increase that total.",
              modality=FACT, note="The investment is reported; the increase is the firms’ aim."),
            P("Major oil and gas pipelines link the two countries."),
            P("expanding both the volume of Kazakhstan’s energy production and the diversity of the routes through which it is exported",
              tone="cooperation", modality=AIM,
              note="One of the goals the United States, China and Kazakhstan share (¶12)."),
        ]),
    rel("cn-kz-society", "china", "kazakhstan", "Prominence in Kazakhstani thinking; overlapping ethnic groups; cultural reach limited by Russian dominance",
        "society", None, [
            P("One thing any visitor to Kazakhstan notices is how prominent China has become to Kazakhstani thinking."),
            P("One unique factor differentiating China’s relations with Kazakhstan from those with the other Central Asian countries is their large overlapping ethnic groups."),
            P("About 180,000 ethnic Uighurs reside in eastern Kazakhstan."),
            P("In addition, as many as one million ethnic Kazakhs live in China, especially in Xinjiang."),
            P("Chinese is not one of the languages supported by the government’s trilateral (Kazakh-Russian-English) language competency program.",
              note="An omission, not a dispute."),
            P("has limited Chinese influence in Kazakhstan",
              note="Subject: the continuing dominance of Russian culture, media and language (same sentence, ¶11)."),
        ]),
    rel("cn-sco", "china", "sco", "Founding member; security cooperation framework",
        "security", "cooperation", [SCO_FRAME]),
    rel("kz-sco", "kazakhstan", "sco", "Founding member; hosted Peace Mission 2010",
        "security", "cooperation", [SCO_FRAME,
            dict(PEACE_MISSION, note="An exercise in southern Kazakhstan in the paragraph on SCO "
                                     "cooperation (¶6); the sentence itself does not name the SCO.")]),
    rel("cn-ru-diplomacy", "china", "russia", "Shared goals in Central Asia",
        "diplomacy", "cooperation", [NO_THREAT]),
    rel("cn-ru-transit-trade", "china", "russia", "Russia-China trade transits Kazakhstan",
        "economy", "cooperation", [
            TRANSIT,
        ]),
    rel("ru-cn-smuggling-controls", "russia", "china", "Guards the Customs Union against smuggled cheap Chinese goods",
        "economy", None, [dict(CUSTOMS_UNION, tone=None,
            note="Russia feared the Customs Union as a backdoor for smuggling and acted by pressing "
                 "Kazakhstan; not hostility to China, whose presence Russians do not consider a threat (¶11).")],
        directed=True),
    rel("cn-ru-influence", "russia", "china", "Russian cultural dominance limits Chinese influence in Kazakhstan",
        "society", None, [dict(RUSSIAN_CULTURE,
            note="A limit, not hostility: the article goes on “Nonetheless, Russians do not consider "
                 "China’s presence in Central Asia a threat” (¶11).")], directed=True),
    rel("kz-ru-economy", "kazakhstan", "russia", "Close economic ties; Kazakhstan says it would join the proposed Eurasian Union",
        "economy", None, [
            dict(CONSTRAINED, tone="cooperation", note="Close ties with Russia, at a cost to ties with China."),
            P("the newly implemented Russia-Kazakhstan-Belarus Customs Union from serving as a backdoor for the smuggling of cheap Chinese goods into Russia",
              tone="cooperation", modality=FACT,
              note="The Customs Union of Russia, Kazakhstan and Belarus, newly implemented; Russia "
                   "guards it against smuggling (¶10)."),
            P("Vladimir Putin’s proposed Eurasian Union, which the Kazakhstani government has said they would join",
              tone="cooperation", modality=AIM, note="A stated intention; the union is only proposed."),
            RU_BY_GOODS,
            dict(TRANSIT, note="Kazakhstan as the transit route for Russia-China trade (¶10)."),
        ]),
    rel("ru-kz-border-pressure", "russia", "kazakhstan", "Presses Kazakhstan to tighten its border with China",
        "economy", "tension", [CUSTOMS_UNION], directed=True),
    rel("kz-ru-diplomacy", "kazakhstan", "russia", "Multi-vector policy: China as a balancer to Russia",
        "diplomacy", "mixed", [BALANCER, MULTI_VECTOR]),
    rel("ru-kz-society", "russia", "kazakhstan", "Dominance of Russian culture, media and language",
        "society", None, [RUSSIAN_CULTURE], directed=True),
    rel("us-cn-concern", "united-states", "china", "A few US concerns about the burgeoning Sino-Kazakhstani partnership",
        "diplomacy", None, [CONCERNS], directed=True),
    rel("cn-us-balance", "china", "united-states", "Wants Kazakhstan’s help to balance the US in Central Asia",
        "diplomacy", "tension", [GREAT_POWERS], directed=True),
    rel("us-cn-economy", "united-states", "china", "Some US investors worry about competing with state-backed Chinese firms",
        "economy", "tension", [
            P("Some American investors worry about their ability to compete with Chinese firms that enjoy much greater support from their home governments.",
              modality="perception", note="Some American investors’ worry, not US policy."),
        ], directed=True),
    rel("us-cn-shared-goals", "united-states", "china", "Shared goals: terrorism, non-proliferation, Kazakhstan’s energy",
        "security", "cooperation", [SHARED_GOALS]),
    rel("us-kz-diplomacy", "united-states", "kazakhstan", "US concerns: the Sino-Kazakhstani partnership; Kazakhstan may imitate China’s model",
        "diplomacy", None, [CONCERNS, IMITATE]),
    rel("us-kz-shared-goals", "united-states", "kazakhstan", "Shared goals: terrorism, non-proliferation, Kazakhstan’s energy",
        "security", "cooperation", [SHARED_GOALS]),
    # Secondary actors, each tied to a core actor by the text.
    rel("cn-in-balance", "china", "india", "Wants Kazakhstan’s help to balance India in Central Asia",
        "diplomacy", "tension", [GREAT_POWERS], directed=True),
    rel("cn-tw-status", "china", "taiwan", "Holds Taiwan an inseparable part of China; Kazakhstan affirms it",
        "diplomacy", None, [TAIWAN], directed=True),
    rel("cn-ug-counterterrorism", "china", "uighur-nationalists", "Seeks Astana’s support in suppressing them",
        "security", "tension", [GOAL_SECURITY], directed=True),
    rel("cn-etim", "china", "etim", "Counter-terrorist concerns centre on ETIM",
        "security", "tension", [ETIM], directed=True),
    rel("kz-ug-policy", "kazakhstan", "uighurs", "Limited political activity allowed; Uighurs accused of terrorism by China deported",
        "security", "mixed", [DEPORTED], directed=True),
    rel("kz-by-customs-union", "kazakhstan", "belarus", "Customs Union partners; some Kazakhstanis complain of dearer, poorer imports",
        "economy", None, [CU_MEMBERS, RU_BY_GOODS]),
    rel("ru-by-customs-union", "russia", "belarus", "Russia-Kazakhstan-Belarus Customs Union",
        "economy", "cooperation", [CU_MEMBERS]),
    rel("kz-wto-nonmember", "kazakhstan", "wto", "Not a member: one impediment to trade with China",
        "economy", None, [dict(IMPEDIMENTS, tone=None)]),
]

doc = {
    "format": "relmap/1",
    "title": "China–Kazakhstan partnership (2012)",
    "source": {
        "title": "The Underappreciated China-Kazakhstan Partnership",
        "author": "Richard Weitz",
        "date": "2012-03-01",
        # Admiralty B, usually reliable: a named senior fellow of an established research
        # institute, writing open analysis. Passages stay ungraded for credibility: one
        # article cannot confirm itself and nothing else here confirms or contradicts it.
        "reliability": "B",
        "text_file": "china-kazakhstan.txt",
    },
    "actors": ACTORS,
    "relations": RELATIONS,
}
out = ROOT / "assets" / "china-kazakhstan.relmap.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out.name}: {len(ACTORS)} actors, {len(RELATIONS)} relations, "
      f"{sum(len(r['passages']) for r in RELATIONS)} passages")
