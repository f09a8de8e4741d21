#!/usr/bin/env python3
"""Generate Genie's built-in sample area: the fictional market town of Millbrook.

Writes, relative to the repository root:
  public/area/directory.json  the resource directory (our format, version 1)
  public/area/lookup.json     neighbourhood names and postcodes to coordinates
  public/area/area.json       the area settings

Everything is invented: the town, its streets, groups, people's services, postcodes
(outward codes MB1..MB6, not a real UK postcode area), phone numbers (Ofcom's drama ranges
01632 960xxx and 0808 157 0xxx) and addresses (example.org).

Deterministic: standard library only, a fixed random seed, and a fixed "today". Running it
twice gives byte-identical files. It checks its own output and exits non-zero on a problem.

Usage:  python3 scripts/sample-area/generate.py [--check-only]
"""

import datetime
import json
import math
import random
import re
import sys
from pathlib import Path

SEED = 20261101
TODAY = datetime.date(2026, 11, 1)  # "checked" dates are relative to this
AREA = "Millbrook and district"
SHORT = "Millbrook"
CENTRE = (52.600, -1.950)  # an invented place; lat, lon
MAX_KM = 6.0  # everything lies within this distance of the centre

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "public" / "area"

# --- Stable words, copied from crates/genie-core/src/model/preferences.rs -------------------
# (word_enum! lists; keep in the same order, which is also serde's BTreeSet order.)
SUBCATEGORIES = [
    "reading_writing", "arts_crafts", "drama_music", "social_clubs", "health_conditions",
    "weight_management", "fitness_exercise", "swimming", "walking_outdoors",
    "education_learning", "carers_support", "counselling", "befriending", "home_support",
    "money_advice", "community_transport", "volunteering",
]
ACCESS_NEEDS = ["step_free", "wheelchair", "hearing_loop", "accessible_toilet", "seating"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_PARTS = ["morning", "afternoon", "evening"]
# From crates/genie-core/src/directory/mod.rs
STATUSES = ["active", "inactive", "defunct"]
REACH_KINDS = ["local", "national", "online"]
COST_KINDS = ["free", "paid", "unknown"]
LANGUAGES = ["en", "pl", "ur", "pa", "sgn-GB"]

# --- Places ---------------------------------------------------------------------------------
# name: (district, postcode sectors, lat, lon, spread of its postcodes in metres, streets)
NEIGHBOURHOODS = {
    "Old Town": ("MB1", [1, 2, 3], 52.6000, -1.9500, 450,
                 ["High Street", "Market Square", "Church Lane", "Sheep Street", "Station Road"]),
    "Riverside": ("MB2", [1, 2, 3], 52.5928, -1.9385, 500,
                  ["Wharf Lane", "Mill Race Road", "Willow Walk", "Ferry Street"]),
    "Quayside": ("MB2", [6, 7, 8], 52.5975, -1.9270, 400,
                 ["Canal Street", "Towpath", "Lock Keeper's Row", "Bargeman's Way"]),
    "Hillside": ("MB3", [1, 2, 3], 52.6045, -1.9725, 550,
                 ["Beacon Road", "Quarry Hill", "Summit Close", "Hillside Avenue"]),
    "Ashgrove": ("MB3", [6, 7, 8], 52.5880, -1.9690, 500,
                 ["Ashgrove Road", "Linden Way", "Rowan Crescent", "Elm Drive"]),
    "Northfield": ("MB4", [1, 2, 3], 52.6165, -1.9530, 600,
                   ["Northfield Road", "Barley Close", "Harvest Way", "Windmill Lane"]),
    "Millbrook Green": ("MB4", [6, 7, 8], 52.6110, -1.9320, 450,
                        ["Green Lane", "The Green", "Pond Street", "Cricketers' Walk"]),
    "Southmead": ("MB5", [1, 2, 3], 52.5800, -1.9490, 550,
                  ["Southmead Road", "Meadow Way", "Foxglove Drive", "Kingfisher Close"]),
    "Chapel End": ("MB5", [6, 7, 8], 52.5845, -1.9295, 400,
                   ["Chapel Street", "Bell Lane", "Orchard Row", "Tanners Yard"]),
    "Upper Millbrook": ("MB6", [1, 2], 52.6340, -1.9610, 300,
                        ["Top Road", "Upper Green", "Mill Hill"]),
    "Wenbury": ("MB6", [4, 5], 52.5740, -1.9910, 300,
                ["Church Row", "Wenbury Lane", "The Pound"]),
    "Hollins Cross": ("MB6", [7, 8], 52.6150, -1.8900, 300,
                      ["Cross Street", "Hollins Lane", "Smithy Row"]),
}
# How many postcodes each neighbourhood gets in the lookup (60 in all).
POSTCODES_PER_PLACE = {
    "Old Town": 8, "Riverside": 6, "Quayside": 5, "Hillside": 6, "Ashgrove": 5,
    "Northfield": 6, "Millbrook Green": 5, "Southmead": 6, "Chapel End": 4,
    "Upper Millbrook": 3, "Wenbury": 3, "Hollins Cross": 3,
}
# Letters allowed in the inward part of a UK postcode unit.
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Access profiles of buildings.
FULL = ["step_free", "wheelchair", "hearing_loop", "accessible_toilet", "seating"]
GOOD = ["step_free", "wheelchair", "accessible_toilet", "seating"]
LEVEL = ["step_free", "seating"]
NONE = []

# Venues: (name, neighbourhood, access, tags). Tags say what a venue is used for.
VENUES = [
    ("Millbrook Library", "Old Town", FULL, {"library", "hall", "advice"}),
    ("St Michael's Church Hall", "Old Town", NONE, {"hall"}),
    ("The Corn Exchange", "Old Town", FULL, {"arts", "hall"}),
    ("Millbrook Town Hall", "Old Town", GOOD, {"advice", "hall"}),
    ("Market Square (by the clock tower)", "Old Town", ["step_free"], {"outdoor"}),
    ("Old Town Methodist Hall", "Old Town", LEVEL, {"hall"}),
    ("Millbrook Medical Centre", "Old Town", FULL, {"health"}),
    ("Millbrook Museum", "Old Town", ["step_free", "hearing_loop", "seating"], {"library", "arts"}),
    ("Riverside Community Centre", "Riverside", GOOD, {"hall", "advice", "cafe"}),
    ("Riverside Park bandstand", "Riverside", ["step_free", "seating"], {"outdoor"}),
    ("Millbrook Leisure Centre", "Riverside", FULL, {"pool", "sports", "gym"}),
    ("Quayside Arts Centre", "Quayside", ["step_free", "wheelchair", "hearing_loop",
                                          "accessible_toilet"], {"arts", "hall", "cafe"}),
    ("The Boathouse Café", "Quayside", ["step_free"], {"cafe"}),
    ("Quayside Community Hub", "Quayside", ["step_free", "accessible_toilet", "seating"],
     {"hall", "advice"}),
    ("Hillside Methodist Church Hall", "Hillside", NONE, {"hall"}),
    ("Hillside Allotments", "Hillside", NONE, {"garden", "outdoor"}),
    ("Hillside Bowls Club", "Hillside", LEVEL, {"sports", "club"}),
    ("Beacon Hill Country Park car park", "Hillside", NONE, {"outdoor"}),
    ("Ashgrove Family Hub", "Ashgrove", FULL, {"hall", "advice", "health"}),
    ("Ashgrove Primary School hall", "Ashgrove", ["step_free", "accessible_toilet"], {"hall"}),
    ("Ashgrove Surgery", "Ashgrove", FULL, {"health"}),
    ("St Anne's Parish Centre", "Ashgrove", ["step_free", "hearing_loop", "seating"],
     {"hall", "cafe"}),
    ("Northfield Pool", "Northfield", GOOD, {"pool", "sports"}),
    ("Northfield Community Centre", "Northfield", GOOD, {"hall", "advice", "cafe"}),
    ("Northfield Library", "Northfield", ["step_free", "hearing_loop"], {"library", "advice"}),
    ("Northfield Social Club", "Northfield", ["seating"], {"club", "hall"}),
    ("Millbrook Community Hospital", "Northfield", FULL, {"health", "pool"}),
    ("The Green Pavilion", "Millbrook Green", ["step_free", "accessible_toilet"],
     {"sports", "hall", "outdoor"}),
    ("Millbrook Green Village Hall", "Millbrook Green", LEVEL, {"hall", "club"}),
    ("Millbrook College, Green Lane campus", "Millbrook Green", FULL,
     {"college", "library", "gym"}),
    ("Southmead Neighbourhood Centre", "Southmead", FULL, {"hall", "advice", "cafe"}),
    ("Southmead Health Centre", "Southmead", FULL, {"health"}),
    ("Our Lady's Hall", "Southmead", ["step_free"], {"hall"}),
    ("Chapel End Baptist Church", "Chapel End", ["step_free", "hearing_loop"], {"hall", "cafe"}),
    ("Chapel End Sports Ground", "Chapel End", ["step_free"], {"sports", "outdoor"}),
    ("Chapel End Community Garden", "Chapel End", ["step_free"], {"garden", "outdoor"}),
    ("Upper Millbrook Village Hall", "Upper Millbrook", ["step_free", "accessible_toilet"],
     {"hall", "club"}),
    ("Wenbury Reading Room", "Wenbury", NONE, {"hall", "library"}),
    ("The Plough, Wenbury (back room)", "Wenbury", ["seating"], {"club", "cafe"}),
    ("Hollins Cross Memorial Hall", "Hollins Cross", LEVEL, {"hall", "club"}),
]

# --- Resources ------------------------------------------------------------------------------
# R(name, description, also=[...], tags={...}, venue=..., cost=..., langs=[...],
#   sessions=..., parts=[...]) is one local resource filed under its section's sub-category.
# "{place}" in a name is replaced by the venue's neighbourhood.
# cost: None (use the sub-category's usual), "free", "unknown", or pence as an int.
# sessions: None (generated), "arrange" (none: by arrangement), or [(day, part, "10:00", "11:30")].


def R(name, description, also=(), tags=None, venue=None, cost=None, langs=None,
      sessions=None, parts=None, status="active"):
    return dict(name=name, description=description, also=list(also), tags=tags, venue=venue,
                cost=cost, langs=langs, sessions=sessions, parts=parts, status=status)


# Per sub-category: venue tags it usually uses, the usual cost ("free" share, paid range in
# pence, "unknown" share), the usual parts of the day, and the resources.
LOCAL = {
    "reading_writing": dict(
        tags={"library", "hall", "cafe"}, cost=(0.6, (100, 300), 0.1),
        parts=["morning", "afternoon", "evening"],
        items=[
            R("Millbrook Library Reading Group",
              "A friendly book group that meets once a month. The library lends the books, "
              "and you are welcome even if you did not finish this month's.",
              venue="Millbrook Library", cost="free"),
            R("{place} Shared Reading",
              "Short stories and poems read aloud together, then a chat over a cup of tea. "
              "Nobody has to read aloud unless they want to."),
            R("Write Here creative writing circle",
              "Short writing prompts and gentle feedback. All levels, bring a pen and paper.",
              tags={"arts", "cafe"}),
            R("Life Story Writing",
              "Put your memories on paper at your own pace, with a retired English teacher "
              "to help. Many people write for their grandchildren.", also=["education_learning"]),
            R("Large Print and Audio Book Club",
              "A book club for people with sight loss. Books come in large print or as audio; "
              "volunteers can help with getting there.", venue="Northfield Library"),
            R("Poetry Café",
              "An informal evening of reading and listening to poems. Bring one you love or "
              "just come to listen.", venue="The Boathouse Café", parts=["evening"]),
            R("Quayside Writers",
              "A small group that shares and talks about members' stories, poems and "
              "memoirs.", venue="Quayside Arts Centre"),
            R("Wenbury Village Book Swap",
              "Bring a book, take a book, stay for a chat. Coffee and cake.",
              venue="Wenbury Reading Room", also=["social_clubs"]),
        ]),
    "arts_crafts": dict(
        tags={"hall", "arts", "cafe"}, cost=(0.4, (100, 400), 0.15),
        parts=["morning", "afternoon", "afternoon", "evening"],
        items=[
            R("{place} Knit and Natter",
              "Knitting, crochet and chat. Wool and needles to borrow if you are new to it.",
              cost="free"),
            R("Watercolour for Beginners",
              "A relaxed painting group with a local artist. Paints and paper provided.",
              venue="Quayside Arts Centre", cost=400),
            R("Millbrook Men's Workshop",
              "A shed-style workshop for woodwork, repairs and tinkering, with tea and company. "
              "Open to everyone, mostly older men.", also=["social_clubs"],
              venue="Hillside Allotments"),
            R("Stitch and Chat sewing group",
              "Sewing, mending and quilting. Machines available; bring your own project or "
              "join the group quilt."),
            R("Pottery Drop-in",
              "Hand-building and wheel taster sessions. Clay and firing included in the price.",
              venue="Quayside Arts Centre", cost=600),
            R("Art for Wellbeing",
              "A calm art group for people living with long-term health conditions or low "
              "mood. No skill needed.", also=["health_conditions"], cost="free"),
            R("Card Making Club",
              "Make cards for birthdays and the seasons. Materials provided for a small fee."),
            R("Photography Walk and Talk",
              "A short walk with cameras or phones, then a look at everyone's pictures over "
              "coffee.", also=["walking_outdoors"], venue="Riverside Park bandstand"),
        ]),
    "drama_music": dict(
        tags={"arts", "hall"}, cost=(0.35, (150, 400), 0.15),
        parts=["afternoon", "evening", "evening"],
        items=[
            R("Millbrook Community Choir",
              "A welcoming choir with no auditions and no need to read music. Pop, folk and "
              "show tunes.", venue="The Corn Exchange", cost=300),
            R("Singing for Better Breathing",
              "Singing exercises and songs for people with COPD, asthma or other lung "
              "conditions, led by a trained practitioner.", also=["health_conditions"],
              cost="free", parts=["morning", "afternoon"]),
            R("Riverside Ukulele Group",
              "Strum along with a friendly group. Ukuleles to borrow for your first few weeks.",
              venue="Riverside Community Centre"),
            R("Millbrook Players",
              "The town's amateur dramatics group. Act, help backstage, make costumes or just "
              "come to rehearsals.", venue="The Corn Exchange", parts=["evening"]),
            R("Songs and Scones",
              "A singing café for people living with dementia and the people who care for "
              "them. Old favourites, tea and scones.", also=["social_clubs", "carers_support"],
              venue="St Anne's Parish Centre", cost="free", parts=["afternoon"]),
            R("Community Drumming Circle",
              "Hand drums and rhythm games. No experience needed; drums provided.",
              venue="Quayside Arts Centre"),
            R("Brass Band Beginners",
              "Learn a brass instrument from scratch with Millbrook Town Band. Instruments "
              "lent free.", venue="Northfield Social Club", cost="free", parts=["evening"]),
            R("Open Mic Night",
              "Sing, play or read, or just come and listen. A friendly audience.",
              venue="The Plough, Wenbury (back room)", parts=["evening"]),
        ]),
    "social_clubs": dict(
        tags={"hall", "cafe", "club"}, cost=(0.45, (100, 450), 0.1),
        parts=["morning", "afternoon", "afternoon"],
        items=[
            R("{place} Lunch Club",
              "A hot two-course lunch and good company for older people. Transport can be "
              "arranged.", cost=450, parts=["afternoon"],
              sessions=[("tue", "afternoon", "12:00", "14:00"),
                        ("thu", "afternoon", "12:00", "14:00")]),
            R("{place} Coffee Morning",
              "Drop in for a cuppa, a biscuit and a chat. Everyone welcome.", cost=100,
              parts=["morning"]),
            R("Millbrook Over-50s Club",
              "Talks, outings, quizzes and bingo. New members always welcome.",
              venue="Millbrook Green Village Hall"),
            R("Memory Café",
              "A relaxed café for people with memory problems and those who support them, "
              "with activities and information.", also=["carers_support"],
              venue="Ashgrove Family Hub", cost="free"),
            R("Men's Breakfast Club",
              "A cooked breakfast and conversation for men of all ages.",
              venue="Chapel End Baptist Church", cost=350, parts=["morning"]),
            R("Klub Seniora (Polish seniors' club)",
              "Spotkania, kawa i rozmowy po polsku. A social club for Polish-speaking older "
              "people.", venue="Our Lady's Hall", langs=["pl", "en"], cost="free"),
            R("Asian Elders' Day Club",
              "Lunch, chair exercise and conversation in Urdu, Punjabi and English.",
              venue="Quayside Community Hub", langs=["en", "ur", "pa"], cost=300,
              also=["fitness_exercise"]),
            R("Deaf Social Club",
              "A monthly social evening for Deaf people and BSL users. Hearing friends who sign "
              "are welcome.", venue="Riverside Community Centre", langs=["sgn-GB", "en"],
              cost="free", parts=["evening"]),
            R("Afternoon Film Club",
              "A classic film on the big screen with tea and cake in the interval.",
              venue="The Corn Exchange", cost=300, parts=["afternoon"]),
            R("Board Games Afternoon",
              "Cards, dominoes, Scrabble and newer games. Come on your own and we will find "
              "you a table.", venue="Hollins Cross Memorial Hall"),
        ]),
    "health_conditions": dict(
        tags={"health", "hall", "library"}, cost=(0.95, (100, 200), 0.05),
        parts=["morning", "afternoon", "evening"],
        items=[
            R("Millbrook Diabetes Support Group",
              "Share tips and experiences of living with type 1 or type 2 diabetes. A diabetes "
              "nurse joins every other meeting.", venue="Millbrook Medical Centre"),
            R("Better Breathing Group",
              "A support group for people living with COPD and other lung conditions, with "
              "gentle exercise and talks.", also=["fitness_exercise"]),
            R("Heart Health Club",
              "For people who have finished cardiac rehabilitation: supervised exercise and "
              "friendly support.", also=["fitness_exercise"],
              venue="Millbrook Leisure Centre", cost=250),
            R("Living Well with Arthritis",
              "A six-week course on pain, movement, sleep and everyday tasks, led by people "
              "who live with arthritis.", also=["education_learning"]),
            R("Kidney Patients' Coffee Group",
              "An informal meeting for people with kidney disease and their families.",
              venue="Millbrook Community Hospital"),
            R("Managing Long-Term Pain course",
              "Practical ways to live well with long-term pain. Free; ask your GP or refer "
              "yourself.", also=["education_learning"], venue="Southmead Health Centre"),
            R("Hearing Aid Drop-in",
              "Volunteers clean and re-tube NHS hearing aids and give out batteries.",
              venue="Northfield Library", parts=["morning"]),
            R("Stroke Survivors' Club",
              "Friendship and support after a stroke, with speech practice and activities.",
              also=["social_clubs"], venue="Northfield Community Centre"),
            R("Blood Pressure Check Drop-in",
              "Have your blood pressure checked by a health trainer, with no appointment.",
              venue="Millbrook Library", sessions=[("sat", "morning", "10:00", "12:00")]),
        ]),
    "weight_management": dict(
        tags={"health", "hall", "sports"}, cost=(0.5, (300, 600), 0.05),
        parts=["morning", "evening", "evening"],
        items=[
            R("Healthy Weight Programme",
              "A free 12-week group with a dietitian: eating well, moving more and keeping it "
              "up. Ask your GP or refer yourself.", venue="Ashgrove Surgery", cost="free"),
            R("Slim and Social",
              "A friendly weekly weigh-in and chat, with recipes to take home.",
              venue="Hollins Cross Memorial Hall", cost=500),
            R("Cook and Eat Well",
              "Learn to cook simple, cheap, healthy meals and eat them together.",
              also=["education_learning"], venue="Southmead Neighbourhood Centre", cost="free"),
            R("Walk Off the Weight",
              "A brisk group walk followed by a weigh-in and healthy-eating tips.",
              also=["walking_outdoors"], venue="Riverside Park bandstand", cost="free",
              parts=["morning"]),
            R("Men's Healthy Weight Club",
              "Twelve weeks of football chat, a weigh-in and a light kick-about for men who "
              "want to lose weight.", also=["fitness_exercise"],
              venue="Chapel End Sports Ground", cost=300, parts=["evening"]),
            R("Diabetes Prevention Course",
              "For people told they are at risk of type 2 diabetes: food, activity and weight, "
              "in small groups.", also=["health_conditions"],
              venue="Southmead Health Centre", cost="free"),
            R("Family Healthy Eating Sessions",
              "Fun food sessions for grandparents, parents and children together.",
              venue="Ashgrove Family Hub"),
        ]),
    "fitness_exercise": dict(
        tags={"sports", "hall", "gym"}, cost=(0.25, (200, 500), 0.1),
        parts=["morning", "morning", "afternoon", "evening"],
        items=[
            R("Chair-based Exercise",
              "Gentle exercise sitting down or holding a chair. Good for joints, balance and "
              "mood.", cost=200),
            R("Strength and Balance",
              "A 12-week class that helps prevent falls, led by a specialist instructor.",
              also=["health_conditions"], cost="free", parts=["morning", "afternoon"]),
            R("Gentle Yoga",
              "Slow stretches and breathing. Mats and blocks provided; chairs if you need "
              "them.", cost=450),
            R("Tai Chi in the Park",
              "Slow, flowing movements outdoors when it is dry, indoors when it is not.",
              venue="Riverside Park bandstand", cost="free", parts=["morning"]),
            R("Walking Football",
              "Football without running, for men and women over 50. All abilities.",
              also=["social_clubs"], venue="The Green Pavilion", cost=300),
            R("Over-60s Gym Sessions",
              "Quiet gym times with an instructor on hand to show you the machines.",
              venue="Millbrook Leisure Centre", cost=350, parts=["morning", "afternoon"]),
            R("Boccia and Bowls",
              "Inclusive indoor bowls and boccia; wheelchair users very welcome.",
              venue="Hillside Bowls Club", cost=200),
            R("Low-impact Dance Fitness",
              "Gentle dance fitness to Latin and pop music, at your own pace.", cost=400),
            R("Table Tennis Drop-in",
              "Bats and balls provided. Play at your own pace.",
              venue="Northfield Community Centre", cost=150),
        ]),
    "swimming": dict(
        tags={"pool"}, cost=(0.1, (250, 500), 0.0),
        parts=["morning", "morning", "afternoon", "evening"],
        items=[
            R("Adult Learn to Swim",
              "Small classes for nervous beginners and improvers, in the shallow teaching pool.",
              venue="Millbrook Leisure Centre", cost=500, parts=["evening"]),
            R("Aquafit",
              "Exercise to music in the water: easy on the joints.", venue="Northfield Pool",
              cost=450),
            R("Quiet Swim for Over-50s",
              "Calm lane and leisure swimming with fewer people in the pool.",
              venue="Millbrook Leisure Centre", cost=300, parts=["morning", "afternoon"]),
            R("Women-only Swim",
              "Women-only swimming with female lifeguards and covered windows.",
              venue="Northfield Pool", cost=300, langs=["en", "ur", "pa"]),
            R("Hydrotherapy Pool Sessions",
              "Warm-water exercise for arthritis, back pain and after surgery. Hoist "
              "available.", also=["health_conditions"], venue="Millbrook Community Hospital",
              cost=500),
            R("Swim for Health",
              "Swimming on a GP or physiotherapist referral, with an instructor poolside.",
              venue="Northfield Pool", cost="free"),
            R("Free Swim for Over-60s",
              "Free public swimming for Millbrook residents aged 60 and over; bring proof of "
              "address once.", venue="Millbrook Leisure Centre", cost="free"),
        ]),
    "walking_outdoors": dict(
        tags={"outdoor", "garden"}, cost=(0.85, (200, 400), 0.0),
        parts=["morning", "morning", "afternoon"],
        items=[
            R("Millbrook Health Walks",
              "Free, short, led walks on level paths, finishing with a cuppa. Walks last "
              "about an hour.", venue="Market Square (by the clock tower)",
              sessions=[("mon", "morning", "10:00", "11:00"),
                        ("wed", "morning", "10:00", "11:00"),
                        ("fri", "afternoon", "14:00", "15:00")]),
            R("Riverside Stroll",
              "A slow, flat 30-minute walk along the river, with benches on the way.",
              venue="Riverside Park bandstand"),
            R("Hillside Ramblers",
              "Longer country walks of 5 to 8 miles on the hills around Millbrook.",
              venue="Beacon Hill Country Park car park", parts=["morning"]),
            R("Hillside Community Allotment",
              "Grow vegetables together on a shared plot. Tools provided; raised beds for "
              "people who cannot kneel.", also=["volunteering"], venue="Hillside Allotments"),
            R("Beacon Hill Nature Volunteers",
              "Outdoor conservation work: hedge-laying, path repairs, tree planting.",
              also=["volunteering", "fitness_exercise"],
              venue="Beacon Hill Country Park car park"),
            R("Nordic Walking for Beginners",
              "Learn to walk with poles for a full-body workout. Poles lent for the course.",
              venue="Chapel End Sports Ground", cost=400),
            R("Towpath Walk (wheelchair-friendly)",
              "A smooth, level walk along the canal towpath, suitable for wheelchairs and "
              "mobility scooters.", venue="The Boathouse Café"),
            R("Chapel End Community Garden",
              "Gardening, a wildlife pond and a weekly tea break. Come and help or just sit "
              "in the garden.", also=["social_clubs"], venue="Chapel End Community Garden"),
        ]),
    "education_learning": dict(
        tags={"college", "library"}, cost=(0.6, (200, 600), 0.05),
        parts=["morning", "afternoon", "evening"],
        items=[
            R("Computer Buddies",
              "Help with phones, tablets and computers, one to one with a patient volunteer.",
              venue="Millbrook Library", cost="free"),
            R("English for Speakers of Other Languages (ESOL)",
              "Free English classes at all levels. Crèche available at some sessions.",
              venue="Quayside Community Hub", langs=["en", "pl", "ur", "pa"], cost="free"),
            R("Maths and English for Adults",
              "Brush up your reading, writing and numbers, at your own pace. Free for most "
              "people.", venue="Millbrook College, Green Lane campus", cost="free"),
            R("Getting Started with Your Smartphone",
              "A four-week course: calls, photos, video chats and staying safe online.",
              venue="Northfield Library"),
            R("Millbrook Family History Group",
              "Trace your family tree with help from experienced members and the library's "
              "records.", venue="Millbrook Museum"),
            R("Millbrook Learning Together",
              "Peer-led interest groups for people who are retired or semi-retired: history, "
              "languages, science and more.", also=["social_clubs"],
              venue="Millbrook Green Village Hall", cost=200),
            R("British Sign Language Level 1",
              "A beginners' BSL course taught by a Deaf tutor.",
              venue="Millbrook College, Green Lane campus", langs=["sgn-GB", "en"], cost=600,
              parts=["evening"]),
            R("Museum Talks",
              "Monthly talks on local history, from the canal to the old mill.",
              venue="Millbrook Museum", cost=300),
        ]),
    "carers_support": dict(
        tags={"hall", "advice", "cafe"}, cost=(0.95, (100, 200), 0.05),
        parts=["morning", "afternoon", "evening"],
        items=[
            R("Millbrook Carers' Café",
              "A break and a chat with other carers, with an adviser on hand. The person you "
              "care for is welcome too.", venue="Riverside Community Centre"),
            R("Carers' Support Group",
              "A small, confidential group for people looking after a partner, parent or "
              "child.", venue="St Anne's Parish Centre"),
            R("Carers' Assessment Drop-in",
              "Find out what help you can get as a carer, including a carer's assessment and "
              "benefits.", also=["money_advice"], venue="Millbrook Town Hall"),
            R("Caring for Someone with Dementia",
              "A free five-week course on understanding dementia and looking after yourself "
              "too.", also=["education_learning"], venue="Ashgrove Family Hub"),
            R("Parent Carers' Coffee Morning",
              "For parents of disabled children and adults: support, information and "
              "friendship.", venue="Northfield Community Centre", parts=["morning"]),
            R("South Asian Carers' Group",
              "Support for carers in Urdu, Punjabi and English.",
              venue="Quayside Community Hub", langs=["en", "ur", "pa"]),
            R("Carers' Relaxation Evenings",
              "Massage, mindfulness and time for yourself, for unpaid carers.",
              venue="Southmead Neighbourhood Centre", parts=["evening"]),
        ]),
    "counselling": dict(
        tags={"health", "advice", "hall"}, cost=(0.85, (100, 600), 0.05),
        parts=["morning", "afternoon", "evening"],
        items=[
            R("Millbrook Talking Therapies",
              "Free NHS talking therapy for low mood, worry and stress. Refer yourself by phone "
              "or online; appointments at the Medical Centre.", venue="Millbrook Medical Centre",
              sessions="arrange"),
            R("Bereavement Support Group",
              "A gentle group for people who have lost someone close, however long ago.",
              venue="Chapel End Baptist Church"),
            R("Low-cost Counselling Service",
              "Trained counsellors, weekly sessions. You pay what you can, from £1 to £6.",
              venue="Old Town Methodist Hall", cost=600, sessions="arrange"),
            R("Men Talk Millbrook",
              "A peer support group where men can talk about how they are really doing.",
              venue="Northfield Social Club", parts=["evening"]),
            R("Listening Ear Sessions",
              "Book a one-to-one hour with a trained listener. No advice, just time to talk.",
              venue="Millbrook Library"),
            R("Managing Anxiety course",
              "Six sessions on understanding anxiety and practical ways to cope.",
              also=["education_learning"], venue="Southmead Health Centre"),
            R("Counselling in Polish",
              "Poradnictwo psychologiczne po polsku. Confidential counselling in Polish.",
              venue="Our Lady's Hall", langs=["pl"], sessions="arrange"),
            R("Wellbeing Café",
              "A relaxed drop-in for anyone feeling low or isolated, with peer supporters.",
              also=["social_clubs"], venue="Quayside Arts Centre"),
        ]),
    "befriending": dict(
        tags={"hall", "cafe", "advice"}, cost=(1.0, (100, 100), 0.0),
        parts=["morning", "afternoon"],
        items=[
            R("Good Neighbours Befriending",
              "A volunteer visits you at home every week for a chat, a walk or a trip out.",
              venue="Millbrook Town Hall", sessions="arrange"),
            R("Friendly Phone Calls",
              "A regular phone call from the same volunteer, at a time that suits you.",
              venue="Riverside Community Centre", sessions="arrange"),
            R("Walk and Talk Buddies",
              "Be matched with a volunteer to walk with, at your pace.",
              also=["walking_outdoors"], venue="Northfield Community Centre"),
            R("Tea and Talk Across the Generations",
              "Older people and young volunteers from the college share tea, games and "
              "stories.", also=["social_clubs"], venue="Millbrook College, Green Lane campus"),
            R("Sight Loss Befriending",
              "Befriending, reading post and trips out for people with sight loss.",
              venue="Northfield Library", sessions="arrange"),
            R("Friendship Café",
              "A café with volunteer hosts, so nobody sits on their own.",
              venue="Southmead Neighbourhood Centre"),
            R("Village Good Neighbours",
              "Neighbours looking out for neighbours: visits, lifts and errands in Upper "
              "Millbrook.", also=["home_support"], venue="Upper Millbrook Village Hall",
              sessions="arrange"),
        ]),
    "home_support": dict(
        tags={"advice", "hall"}, cost=(0.45, (200, 600), 0.25),
        parts=["morning", "afternoon"],
        items=[
            R("Millbrook Handyperson Service",
              "Small repairs, grab rails and key safes fitted for older and disabled people. "
              "You pay for materials.", venue="Millbrook Town Hall", sessions="arrange"),
            R("Home from Hospital",
              "Short-term help at home after a hospital stay: shopping, lifts and company.",
              venue="Millbrook Community Hospital", cost="free", sessions="arrange"),
            R("Safe and Warm Home Checks",
              "A free visit to check heating, smoke alarms and trip hazards, and help with "
              "grants.", also=["money_advice"], venue="Millbrook Town Hall", cost="free",
              sessions="arrange"),
            R("Shopping Help",
              "Volunteers do your shopping or go with you to the shops.",
              venue="Southmead Neighbourhood Centre", cost="free", sessions="arrange"),
            R("Falls Prevention Home Visit",
              "A therapist visits to help you stay steady and safe at home.",
              also=["health_conditions"], venue="Ashgrove Surgery", cost="free",
              sessions="arrange"),
            R("Mobility Equipment Loan",
              "Borrow walking frames, wheelchairs, perching stools and bath seats.",
              venue="Northfield Community Centre", sessions=[
                  ("tue", "morning", "09:30", "12:30"), ("fri", "morning", "09:30", "12:30")]),
            R("Garden Help",
              "Volunteers help keep gardens tidy for people who can no longer manage.",
              also=["volunteering"], venue="Hillside Allotments", cost=500,
              sessions="arrange"),
            R("Meals at Home",
              "Hot or frozen meals delivered to your door.", venue="Chapel End Baptist Church",
              cost=550, sessions="arrange"),
        ]),
    "money_advice": dict(
        tags={"advice", "library"}, cost=(0.95, (100, 100), 0.05),
        parts=["morning", "afternoon"],
        items=[
            R("Millbrook Advice Centre",
              "Free, confidential advice on benefits, debt, housing and work.",
              venue="Millbrook Town Hall"),
            R("Benefits Check Drop-in",
              "Find out whether you are getting everything you are entitled to, including "
              "Pension Credit and Attendance Allowance.", venue="Northfield Library"),
            R("Energy Bills Advice",
              "Help with energy bills, debts and switching, and with grants for home "
              "insulation.", venue="Southmead Neighbourhood Centre"),
            R("Debt Advice Appointments",
              "Book an hour with a qualified debt adviser.", venue="Quayside Community Hub",
              sessions="arrange"),
            R("Community Larder",
              "A weekly bag of food for £3.50, worth much more; no referral needed.",
              also=["social_clubs"], venue="Ashgrove Primary School hall", cost=350),
            R("Money Advice in Urdu and Punjabi",
              "Benefits and money advice in Urdu, Punjabi and English.",
              venue="Quayside Community Hub", langs=["en", "ur", "pa"]),
            R("Millbrook Credit Union",
              "Save, borrow fairly and pay bills. Collection point at the library.",
              venue="Millbrook Library", sessions=[("sat", "morning", "10:00", "12:00")]),
        ]),
    "community_transport": dict(
        tags={"advice", "hall"}, cost=(0.1, (150, 600), 0.2),
        parts=["morning", "afternoon"],
        items=[
            R("Millbrook Dial-a-Ride",
              "Door-to-door minibus with a wheelchair lift, for people who find buses hard. "
              "Book a day ahead.", venue="Millbrook Town Hall", cost=300, sessions="arrange"),
            R("Volunteer Car Scheme",
              "Volunteer drivers take you to medical appointments and the shops. You pay a "
              "mileage charge.", venue="Riverside Community Centre", cost=600,
              sessions="arrange"),
            R("Town Centre Scooter Loan",
              "Borrow a mobility scooter or wheelchair to get round the town centre.",
              venue="Market Square (by the clock tower)", cost=200),
            R("Village Bus to Market Day",
              "A minibus from Upper Millbrook and Wenbury into town for the market.",
              venue="Upper Millbrook Village Hall", cost=250,
              sessions=[("thu", "morning", "09:30", "13:00")]),
            R("Hollins Cross Community Minibus",
              "A minibus with a driver for community groups and outings.",
              venue="Hollins Cross Memorial Hall", sessions="arrange"),
            R("Travel Buddies",
              "A volunteer travels with you on the bus until you feel confident on your own.",
              also=["befriending"], venue="Quayside Community Hub", cost="free"),
        ]),
    "volunteering": dict(
        tags={"advice", "hall", "cafe"}, cost=(1.0, (100, 100), 0.0),
        parts=["morning", "afternoon", "evening"],
        items=[
            R("Millbrook Volunteer Centre",
              "Find a volunteering role that suits you, from an hour a month upwards.",
              venue="Millbrook Town Hall"),
            R("Food Bank Volunteers",
              "Sort donations, pack parcels and welcome visitors.",
              venue="Southmead Neighbourhood Centre"),
            R("Library Home Delivery Volunteers",
              "Take library books to people who cannot get out.", also=["reading_writing"],
              venue="Millbrook Library", sessions="arrange"),
            R("Riverside Litter Pick",
              "Monthly litter pick along the river. Pickers and bags provided.",
              also=["walking_outdoors"], venue="Riverside Park bandstand",
              sessions=[("sun", "morning", "10:00", "12:00")]),
            R("Hospital Welcome Volunteers",
              "Help patients and visitors find their way at the Community Hospital.",
              venue="Millbrook Community Hospital", parts=["morning", "afternoon"]),
            R("Fix-it Café",
              "Volunteers fix broken lamps, clothes, bikes and toasters. Come to help or to "
              "get something fixed.", also=["arts_crafts", "social_clubs"],
              venue="Northfield Community Centre"),
            R("Museum Heritage Volunteers",
              "Help with the collection, guide visitors or share your memories of Millbrook.",
              venue="Millbrook Museum"),
        ]),
}

# Which local resources are not running (by name; the text explains why).
NOT_RUNNING = {
    "Brass Band Beginners": ("inactive", " Paused while the band looks for a new tutor."),
    "Board Games Afternoon": ("inactive", " Paused until the hall's roof is repaired."),
    "Poetry Café": ("defunct", " This group has closed."),
    "Family Healthy Eating Sessions": ("defunct", " The funding ended and the sessions have "
                                                  "stopped."),
}

# National (phone or post, anywhere in the country) and online resources.
# (reach, name, description, subcategories, cost, sessions, languages, contact kinds)
def N(reach, name, description, subs, cost="free", sessions=(), langs=("en",),
      contact=("phone", "website")):
    return dict(reach=reach, name=name, description=description, subs=list(subs), cost=cost,
                sessions=list(sessions), langs=list(langs), contact=contact)


REMOTE = [
    N("national", "Carers' Advice Line",
      "Free confidential advice for unpaid carers on benefits, breaks and looking after "
      "yourself.", ["carers_support", "money_advice"]),
    N("national", "Evening Friendship Line",
      "A free phone line for older people who would like a chat, open every evening and at "
      "weekends.", ["befriending"]),
    N("national", "Benefits Advice Line",
      "Independent advice on what benefits you can claim and how to claim them.",
      ["money_advice"]),
    N("national", "Listening Line",
      "Talk to a trained volunteer, day or night, about whatever is troubling you.",
      ["counselling"]),
    N("national", "Diabetes Information Line",
      "Questions about diabetes, food, medication and everyday life, answered by trained "
      "advisers.", ["health_conditions", "weight_management"]),
    N("national", "Lung Health Helpline",
      "Nurses and advisers for people living with COPD, asthma and other lung conditions.",
      ["health_conditions"]),
    N("national", "Arthritis and Joint Pain Helpline",
      "Information and support about living with arthritis and joint pain.",
      ["health_conditions"]),
    N("national", "Home Adaptations Advice Service",
      "Advice on equipment, adaptations and grants to help you stay independent at home.",
      ["home_support"]),
    N("national", "Audio Books by Post",
      "Audio books sent free by post for people with sight loss or difficulty holding books.",
      ["reading_writing"], contact=("phone",)),
    N("national", "Accessible Travel Advice Line",
      "Help planning journeys by bus, train and community transport for disabled and older "
      "people.", ["community_transport"]),
    N("national", "BSL Video Support Line",
      "Emotional support through a BSL video relay or text, for Deaf people.",
      ["counselling"], langs=("sgn-GB", "en"), contact=("website",)),
    N("online", "Chair Yoga Online",
      "Free short chair yoga videos and a weekly live class you can join from home.",
      ["fitness_exercise"], sessions=[("wed", "morning", "10:30", "11:15")],
      contact=("website",)),
    N("online", "Learn Anything: Free Short Courses",
      "Free online courses from beginners' computing to history and creative writing.",
      ["education_learning", "reading_writing"], contact=("website",)),
    N("online", "Sing at Home Virtual Choir",
      "A friendly online choir that meets by video. Sing along from your sofa.",
      ["drama_music"], cost=200, sessions=[("tue", "evening", "19:00", "20:00")],
      contact=("email", "website")),
    N("online", "Online Book Club",
      "Chat about a book each month in a video call. Books available as e-books and audio.",
      ["reading_writing", "social_clubs"], sessions=[("thu", "afternoon", "14:00", "15:00")],
      contact=("email", "website")),
    N("online", "Carers' Online Forum",
      "A moderated online community where carers share advice and support, any time.",
      ["carers_support"], contact=("website",)),
    N("online", "Video Befriending Calls",
      "A weekly video or phone call with a volunteer befriender. Help to set up the call is "
      "given.", ["befriending"], contact=("phone", "email")),
    N("online", "Healthy Weight Online",
      "A free 12-week online programme with an app, recipes and weekly group video calls.",
      ["weight_management"], sessions=[("mon", "evening", "18:30", "19:30")],
      contact=("website",)),
    N("online", "Mood Skills Online",
      "A free self-guided online course based on cognitive behavioural therapy, with a "
      "weekly check-in.", ["counselling"], contact=("website",)),
    N("online", "Craft-Along Live",
      "Knit, crochet or sketch along with an online group and a live host.",
      ["arts_crafts", "social_clubs"], cost="unknown",
      sessions=[("fri", "afternoon", "14:00", "15:30")], contact=("website",)),
    N("online", "Volunteer from Home",
      "Volunteering you can do from home: phone calls, transcribing, online tutoring.",
      ["volunteering"], contact=("email", "website")),
    N("online", "Polish-language Support Online",
      "Wsparcie online po polsku. Video calls and chat in Polish about wellbeing, "
      "loneliness and everyday problems.", ["befriending", "counselling"], langs=("pl",),
      contact=("email", "website")),
]


# --- Helpers --------------------------------------------------------------------------------
def km_between(a, b):
    """Great-circle distance in km between (lat, lon) pairs."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def offset(rng, lat, lon, metres):
    """A point uniformly within `metres` of (lat, lon)."""
    r = metres * math.sqrt(rng.random())
    theta = rng.random() * 2 * math.pi
    dlat = (r * math.cos(theta)) / 111_320
    dlon = (r * math.sin(theta)) / (111_320 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


class Numbers:
    """Hands out unique fictional phone numbers from Ofcom's drama ranges."""

    def __init__(self, rng):
        self.local = list(range(200, 1000))  # 01632 960000..199 kept for the area contact
        self.freephone = list(range(0, 1000))
        rng.shuffle(self.local)
        rng.shuffle(self.freephone)

    def local_number(self):
        return f"01632 960{self.local.pop():03d}"

    def freephone_number(self):
        return f"0808 157 0{self.freephone.pop():03d}"


def make_postcodes(rng):
    """Postcodes per neighbourhood: {place: [(postcode, lat, lon), ...]}."""
    used = set()
    result = {}
    for place, count in POSTCODES_PER_PLACE.items():
        district, sectors, lat, lon, spread, _ = NEIGHBOURHOODS[place]
        codes = []
        while len(codes) < count:
            sector = sectors[len(codes) % len(sectors)]
            unit = rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
            code = f"{district} {sector}{unit}"
            if code in used:
                continue
            used.add(code)
            codes.append((code, *offset(rng, lat, lon, spread)))
        result[place] = codes
    return result


def make_venues(rng, postcodes):
    """Venues with a postcode from their neighbourhood and a point near it."""
    venues = {}
    for name, place, access, tags in VENUES:
        code, plat, plon = rng.choice(postcodes[place])
        lat, lon = offset(rng, plat, plon, 60)
        street = rng.choice(NEIGHBOURHOODS[place][5])
        if name.startswith("Market Square"):
            address = f"Market Square, Old Town, {SHORT}"
        else:
            address = f"{name}, {rng.randint(1, 120)} {street}, {place}, {SHORT}"
            if place in ("Upper Millbrook", "Wenbury", "Hollins Cross"):
                address = f"{name}, {rng.randint(1, 40)} {street}, {place}, near {SHORT}"
        venues[name] = dict(name=name, place=place, access=access, tags=tags, lat=lat,
                            lon=lon, address=address, postcode=code)
    return venues


START_TIMES = {
    "morning": ["09:00", "09:30", "10:00", "10:00", "10:30", "11:00"],
    "afternoon": ["12:30", "13:00", "13:30", "14:00", "14:00", "14:30"],
    "evening": ["18:00", "18:30", "19:00", "19:00", "19:30"],
}
DAY_WEIGHTS = [5, 5, 5, 5, 4, 2, 1]  # mostly weekdays, some weekends


def add_minutes(hhmm, minutes):
    h, m = map(int, hhmm.split(":"))
    total = h * 60 + m + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def make_sessions(rng, parts):
    count = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
    slots = set()
    while len(slots) < count:
        day = rng.choices(WEEKDAYS, weights=DAY_WEIGHTS)[0]
        slots.add((WEEKDAYS.index(day), rng.choice(parts)))
    sessions = []
    for day_index, part in sorted(slots, key=lambda s: (s[0], DAY_PARTS.index(s[1]))):
        session = {"day": WEEKDAYS[day_index], "part": part}
        if rng.random() < 0.9:  # a few give only the part of day
            start = rng.choice(START_TIMES[part])
            session["starts"] = start
            session["ends"] = add_minutes(start, rng.choice([60, 90, 90, 120]))
        sessions.append(session)
    return sessions


def fixed_sessions(items):
    out = []
    for day, part, starts, ends in items:
        session = {"day": day, "part": part}
        if starts:
            session["starts"] = starts
        if ends:
            session["ends"] = ends
        out.append(session)
    return out


def make_cost(rng, spec, usual):
    if spec == "free":
        return {"kind": "free"}
    if spec == "unknown":
        return {"kind": "unknown"}
    if isinstance(spec, int):
        return {"kind": "paid", "minor_units": spec}
    free_share, (low, high), unknown_share = usual
    roll = rng.random()
    if roll < free_share:
        return {"kind": "free"}
    if roll < free_share + unknown_share:
        return {"kind": "unknown"}
    return {"kind": "paid", "minor_units": rng.randrange(low, high + 1, 50)}


def make_contact(rng, numbers, name, kinds):
    host = f"{slug(name)[:40].strip('-')}.example.org"
    contact = {}
    if "phone" in kinds:
        contact["phone"] = numbers()
    if "email" in kinds:
        contact["email"] = f"{rng.choice(['hello', 'info', 'contact'])}@{host}"
    if "website" in kinds:
        contact["website"] = f"https://{host}"
    return contact


def local_contact_kinds(rng):
    return rng.choices(
        [("phone", "email", "website"), ("phone", "email"), ("phone",), ("email", "website"),
         ()],
        weights=[40, 30, 20, 8, 2])[0]


def in_order(words, order):
    return sorted(set(words), key=order.index)


# --- Building -------------------------------------------------------------------------------
def build():
    rng = random.Random(SEED)
    numbers = Numbers(rng)
    postcodes = make_postcodes(rng)
    venues = make_venues(rng, postcodes)

    resources = []
    for sub, section in LOCAL.items():
        for item in section["items"]:
            tags = item["tags"] or section["tags"]
            if item["venue"]:
                venue = venues[item["venue"]]
            else:
                choices = [v for v in venues.values() if v["tags"] & tags]
                venue = rng.choice(choices)
            name = item["name"].replace("{place}", venue["place"])
            if item["sessions"] == "arrange":
                sessions = []
            elif item["sessions"]:
                sessions = fixed_sessions(item["sessions"])
            else:
                sessions = make_sessions(rng, item["parts"] or section["parts"])
            access = list(venue["access"])
            if access and "seating" not in access and rng.random() < 0.3:
                access.append("seating")
            description = item["description"]
            status = "active"
            if name in NOT_RUNNING:
                status, note = NOT_RUNNING[name]
                description += note
            resources.append({
                "name": name,
                "description": description,
                "subcategories": in_order([sub, *item["also"]], SUBCATEGORIES),
                "reach": {"kind": "local", "location": {
                    "lat": venue["lat"], "lon": venue["lon"],
                    "address": venue["address"], "postcode": venue["postcode"]}},
                "sessions": sessions,
                "cost": make_cost(rng, item["cost"], section["cost"]),
                "access": in_order(access, ACCESS_NEEDS),
                "languages": item["langs"] or ["en"],
                "contact": make_contact(rng, numbers.local_number, name,
                                        local_contact_kinds(rng)),
                "status": status,
            })

    for item in REMOTE:
        resources.append({
            "name": item["name"],
            "description": item["description"],
            "subcategories": in_order(item["subs"], SUBCATEGORIES),
            "reach": {"kind": item["reach"]},
            "sessions": fixed_sessions(item["sessions"]),
            "cost": make_cost(rng, item["cost"], None),
            "access": [],
            "languages": item["langs"],
            "contact": make_contact(rng, numbers.freephone_number, item["name"],
                                    item["contact"]),
            "status": "active",
        })

    # Ids in a stable order; then "checked" dates: ~10% older than a year.
    stale = set(rng.sample(range(len(resources)), k=round(len(resources) * 0.1)))
    directory = []
    for index, resource in enumerate(resources):
        days = rng.randint(370, 900) if index in stale else rng.randint(3, 360)
        checked = (TODAY - datetime.timedelta(days=days)).isoformat()
        entry = {"id": f"mb-{index + 1:03d}", **resource, "checked": checked}
        # Keep the field order of the Rust Resource struct.
        order = ["id", "name", "description", "subcategories", "reach", "sessions", "cost",
                 "access", "languages", "contact", "checked", "status"]
        directory.append({key: entry[key] for key in order})

    places = []
    for place, (_, _, lat, lon, _, _) in NEIGHBOURHOODS.items():
        places.append({"name": place, "kind": "neighbourhood", "lat": lat, "lon": lon})
    for place in NEIGHBOURHOODS:
        for code, lat, lon in sorted(postcodes[place]):
            places.append({"name": code, "kind": "postcode", "lat": lat, "lon": lon})

    example_postcode = sorted(postcodes["Old Town"])[0][0]
    area = {
        "version": 1,
        "name": AREA,
        "short_name": SHORT,
        "centre": {"lat": CENTRE[0], "lon": CENTRE[1]},
        "help_text": (
            "Millbrook is a made-up town, here so you can try Genie straight away. The groups, "
            "places, postcodes and phone numbers are all invented. Try a neighbourhood such as "
            f"Riverside or Northfield, or a postcode such as {example_postcode}. If you are "
            "not sure where to start, that is fine: take your time, and ask someone you trust "
            "to go through it with you if you like."),
        "contact": ("Millbrook Community Link: 01632 960100 (Monday to Friday, 9am to 5pm) or "
                    "hello@community-link.example.org. We can talk through what is on near "
                    "you, and help you get there."),
        # The examples beside the place question: a postcode and a neighbourhood that work.
        "postcode_example": example_postcode,
        "place_example": "Riverside",
        # Where people may send notes about entries (closed, wrong time), if they choose to.
        "feedback_email": "directory@community-link.example.org",
        # Every language Genie speaks, English first (the default); prices are in pounds.
        "languages": ["en", "nl", "nb", "bg", "el", "es"],
        "currency": "GBP",
        "texts": sample_texts(example_postcode),
    }
    return ({"version": 1, "area": AREA, "resources": directory},
            {"version": 1, "area": AREA, "places": places},
            area)


def sample_texts(postcode):
    """The help text and contact line in each language after English."""
    return {
        "nl": {
            "help_text": (
                "Millbrook is een verzonnen stad, zodat u Genie meteen kunt uitproberen. De "
                "groepen, plekken, postcodes en telefoonnummers zijn allemaal verzonnen. Probeer "
                f"een wijk zoals Riverside of Northfield, of een postcode zoals {postcode}. Weet u "
                "niet goed waar u moet beginnen? Dat geeft niet: neem de tijd, en vraag iemand "
                "die u vertrouwt om het samen met u te doen als u dat wilt."),
            "contact": (
                "Millbrook Community Link: 01632 960100 (maandag tot en met vrijdag, 9.00 tot "
                "17.00 uur) of hello@community-link.example.org. We praten graag met u over wat "
                "er bij u in de buurt te doen is, en helpen u er te komen."),
        },
        "nb": {
            "help_text": (
                "Millbrook er en oppdiktet by, slik at du kan prøve Genie med en gang. Gruppene, "
                "stedene, postnumrene og telefonnumrene er oppdiktet. Prøv et nabolag som "
                f"Riverside eller Northfield, eller et postnummer som {postcode}. Er du usikker på "
                "hvor du skal begynne? Det går fint: ta den tiden du trenger, og spør gjerne "
                "noen du stoler på om å gå gjennom det sammen med deg."),
            "contact": (
                "Millbrook Community Link: 01632 960100 (mandag til fredag, kl. 9–17) eller "
                "hello@community-link.example.org. Vi kan snakke om hva som skjer i nærheten av "
                "deg, og hjelpe deg å komme dit."),
        },
        "bg": {
            "help_text": (
                "Millbrook е измислен град, за да можете да изпробвате Genie веднага. Групите, "
                "местата, пощенските кодове и телефонните номера са измислени. Опитайте квартал "
                f"като Riverside или Northfield, или пощенски код като {postcode}. Ако не сте "
                "сигурни откъде да започнете, няма проблем: не бързайте и, ако искате, помолете "
                "човек, на когото имате доверие, да мине през това заедно с Вас."),
            "contact": (
                "Millbrook Community Link: 01632 960100 (от понеделник до петък, от 9 до 17 ч.) "
                "или hello@community-link.example.org. Можем да поговорим какво се случва близо "
                "до Вас и да Ви помогнем да стигнете дотам."),
        },
        "el": {
            "help_text": (
                "Το Millbrook είναι μια φανταστική πόλη, για να δοκιμάσετε το Genie αμέσως. Οι "
                "ομάδες, τα μέρη, οι ταχυδρομικοί κώδικες και τα τηλέφωνα είναι όλα φανταστικά. "
                "Δοκιμάστε μια γειτονιά όπως το Riverside ή το Northfield, ή έναν ταχυδρομικό "
                f"κώδικα όπως {postcode}. Αν δεν ξέρετε από πού να ξεκινήσετε, δεν πειράζει: "
                "πάρτε τον χρόνο σας και, αν θέλετε, ζητήστε από κάποιον που εμπιστεύεστε να το "
                "δείτε μαζί."),
            "contact": (
                "Millbrook Community Link: 01632 960100 (Δευτέρα με Παρασκευή, 9:00 με 17:00) ή "
                "hello@community-link.example.org. Μπορούμε να μιλήσουμε για το τι γίνεται κοντά "
                "σας και να σας βοηθήσουμε να φτάσετε εκεί."),
        },
        "es": {
            "help_text": (
                "Millbrook es una ciudad inventada, para que pueda probar Genie enseguida. Los "
                "grupos, lugares, códigos postales y teléfonos son todos inventados. Pruebe un "
                f"barrio como Riverside o Northfield, o un código postal como {postcode}. Si no "
                "sabe por dónde empezar, no pasa nada: tómese su tiempo y, si quiere, pida a "
                "alguien de confianza que lo haga con usted."),
            "contact": (
                "Millbrook Community Link: 01632 960100 (de lunes a viernes, de 9:00 a 17:00) o "
                "hello@community-link.example.org. Podemos hablar de lo que hay cerca de usted y "
                "ayudarle a llegar."),
        },
    }


# --- Checking -------------------------------------------------------------------------------
POSTCODE_RE = re.compile(r"^MB[1-6] [0-9][A-Z]{2}$")
PHONE_RE = re.compile(r"^(01632 960\d{3}|0808 157 0\d{3})$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
PART_HOURS = {"morning": (6, 12), "afternoon": (12, 18), "evening": (17, 23)}


def check(directory, lookup, area):
    problems = []

    def bad(where, message):
        problems.append(f"{where}: {message}")

    def check_point(where, lat, lon):
        if not (isinstance(lat, float) and isinstance(lon, float)):
            bad(where, "coordinates must be numbers")
        elif km_between(CENTRE, (lat, lon)) > MAX_KM:
            bad(where, f"{km_between(CENTRE, (lat, lon)):.1f} km from the centre")

    def check_date(where, text):
        try:
            ok = (re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)
                  and datetime.date.fromisoformat(text) <= TODAY)
        except ValueError:
            ok = False
        if not ok:
            bad(where, f"bad date {text!r}")

    # Lookup
    names = [p["name"] for p in lookup["places"]]
    if len(names) != len(set(names)):
        bad("lookup", "duplicate place names")
    known_postcodes = set()
    for place in lookup["places"]:
        where = f"lookup {place['name']}"
        check_point(where, place["lat"], place["lon"])
        if place["kind"] == "postcode":
            known_postcodes.add(place["name"])
            if not POSTCODE_RE.match(place["name"]):
                bad(where, "postcode not in MB1..MB6 form")
        elif place["kind"] != "neighbourhood":
            bad(where, f"unknown kind {place['kind']}")
    for place in NEIGHBOURHOODS:
        if place not in names:
            bad("lookup", f"missing neighbourhood {place}")

    # Directory
    if directory["version"] != 1 or directory["area"] != AREA:
        bad("directory", "version or area")
    ids = [r["id"] for r in directory["resources"]]
    if len(ids) != len(set(ids)):
        bad("directory", "duplicate ids")
    resource_names = [r["name"] for r in directory["resources"]]
    if len(resource_names) != len(set(resource_names)):
        bad("directory", "duplicate names")
    for r in directory["resources"]:
        where = r["id"]
        if not re.fullmatch(r"mb-\d{3}", r["id"]):
            bad(where, "id")
        if not r["name"].strip() or not r["description"].strip():
            bad(where, "empty name or description")
        if not r["subcategories"]:
            bad(where, "no sub-category")
        for word in r["subcategories"]:
            if word not in SUBCATEGORIES:
                bad(where, f"sub-category {word}")
        reach = r["reach"]
        if reach["kind"] not in REACH_KINDS:
            bad(where, f"reach {reach['kind']}")
        if reach["kind"] == "local":
            loc = reach["location"]
            check_point(where, loc["lat"], loc["lon"])
            if loc["postcode"] not in known_postcodes:
                bad(where, f"postcode {loc['postcode']} not in the lookup")
            if not loc["address"]:
                bad(where, "no address")
        elif set(reach) != {"kind"}:
            bad(where, "national/online reach has extra fields")
        slots = set()
        for s in r["sessions"]:
            if s["day"] not in WEEKDAYS or s["part"] not in DAY_PARTS:
                bad(where, f"session words {s}")
            if (s["day"], s["part"]) in slots:
                bad(where, f"repeated session {s}")
            slots.add((s["day"], s["part"]))
            for key in ("starts", "ends"):
                if key in s and not TIME_RE.match(s[key]):
                    bad(where, f"session {key} {s[key]!r}")
            if "starts" in s:
                low, high = PART_HOURS[s["part"]]
                if not low <= int(s["starts"][:2]) < high or s.get("ends", "99") <= s["starts"]:
                    bad(where, f"session times do not fit {s}")
        cost = r["cost"]
        if cost["kind"] not in COST_KINDS:
            bad(where, f"cost {cost}")
        if cost["kind"] == "paid" and not 100 <= cost.get("minor_units", 0) <= 600:
            bad(where, f"paid cost outside £1-£6: {cost}")
        for word in r["access"]:
            if word not in ACCESS_NEEDS:
                bad(where, f"access {word}")
        for tag in r["languages"]:
            if tag not in LANGUAGES:
                bad(where, f"language {tag}")
        for key, value in r["contact"].items():
            if key == "phone" and not PHONE_RE.match(value):
                bad(where, f"phone {value} not in a drama range")
            if key == "email" and not re.fullmatch(r"[a-z]+@[a-z0-9-]+\.example\.org", value):
                bad(where, f"email {value}")
            if key == "website" and not re.fullmatch(r"https://[a-z0-9-]+\.example\.org",
                                                      value):
                bad(where, f"website {value}")
            if key not in ("phone", "email", "website"):
                bad(where, f"contact field {key}")
        check_date(where, r["checked"])
        if r["status"] not in STATUSES:
            bad(where, f"status {r['status']}")

    active = [r for r in directory["resources"] if r["status"] == "active"]
    for sub in SUBCATEGORIES:
        count = sum(sub in r["subcategories"] for r in active)
        if count < 5:
            bad("coverage", f"{sub} has only {count} active resources")
    not_running = len(directory["resources"]) - len(active)
    if not 3 <= not_running <= 5:
        bad("status", f"{not_running} inactive or defunct entries (want 3-5)")

    # Area
    check_point("area centre", area["centre"]["lat"], area["centre"]["lon"])
    if "01632 960" not in area["contact"]:
        bad("area", "contact number")
    return problems


def summary(directory, lookup):
    resources = directory["resources"]
    lines = [f"resources: {len(resources)}"]
    for kind in REACH_KINDS:
        lines.append(f"  {kind}: {sum(r['reach']['kind'] == kind for r in resources)}")
    lines.append("per sub-category (all / active):")
    for sub in SUBCATEGORIES:
        all_count = sum(sub in r["subcategories"] for r in resources)
        active = sum(sub in r["subcategories"] and r["status"] == "active" for r in resources)
        lines.append(f"  {sub:20} {all_count:3} / {active}")
    costs = {k: sum(r["cost"]["kind"] == k for r in resources) for k in COST_KINDS}
    lines.append(f"cost: {costs}")
    stale = sum((TODAY - datetime.date.fromisoformat(r["checked"])).days > 365
                for r in resources)
    lines.append(f"checked over a year ago: {stale}")
    statuses = {k: sum(r["status"] == k for r in resources) for k in STATUSES}
    lines.append(f"status: {statuses}")
    no_access = sum(r["reach"]["kind"] == "local" and not r["access"] for r in resources)
    step_free = sum("step_free" in r["access"] for r in resources)
    lines.append(f"local with no access features: {no_access}; step-free: {step_free}")
    non_en = sum(r["languages"] != ["en"] for r in resources)
    lines.append(f"offered in a language other than English (or not only English): {non_en}")
    no_sessions = sum(not r["sessions"] for r in resources)
    lines.append(f"no sessions (any time / by arrangement): {no_sessions}")
    max_km = max(km_between(CENTRE, (r["reach"]["location"]["lat"],
                                     r["reach"]["location"]["lon"]))
                 for r in resources if r["reach"]["kind"] == "local")
    lines.append(f"furthest local resource from the centre: {max_km:.2f} km")
    kinds = {}
    for p in lookup["places"]:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    lines.append(f"lookup places: {kinds}")
    return "\n".join(lines)


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main(argv):
    directory, lookup, area = build()
    problems = check(directory, lookup, area)
    if problems:
        print("The sample area has problems:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    print(summary(directory, lookup))
    if "--check-only" in argv:
        return 0
    for name, data in (("directory.json", directory), ("lookup.json", lookup),
                       ("area.json", area)):
        size = write_json(OUT / name, data)
        print(f"wrote {(OUT / name).relative_to(ROOT)} ({size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
