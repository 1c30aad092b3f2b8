"""A synthetic bilingual corpus for benchmarks: N pages per language of library-partnership prose, written
into a docs folder in the i18n folder layout (docs/en/..., docs/ar/...).

    from bench.corpus import write_corpus
    write_corpus(Path("docs"), pages=500)          # docs/en/p/0000.md ... docs/ar/p/0499.md

Sentences come from templates filled with a vocabulary of a few hundred words and names. Arabic words
take the forms real text has: the article, the clitics و ف ب ل ك, sound plurals, a final ة, now and then
a diacritic or a tatweel. Deterministic for a given seed.
"""
import random
from pathlib import Path

# (singular, plural) nouns; Arabic singulars without the article.
EN_NOUNS = [
    ("library", "libraries"), ("partnership", "partnerships"), ("network", "networks"), ("workshop", "workshops"),
    ("librarian", "librarians"), ("association", "associations"), ("initiative", "initiatives"),
    ("programme", "programmes"), ("collection", "collections"), ("service", "services"), ("reader", "readers"),
    ("community", "communities"), ("school", "schools"), ("university", "universities"), ("archive", "archives"),
    ("museum", "museums"), ("ministry", "ministries"), ("foundation", "foundations"), ("project", "projects"),
    ("conference", "conferences"), ("forum", "forums"), ("session", "sessions"), ("participant", "participants"),
    ("volunteer", "volunteers"), ("catalogue", "catalogues"), ("manuscript", "manuscripts"), ("grant", "grants"),
    ("policy", "policies"), ("strategy", "strategies"), ("resource", "resources"), ("platform", "platforms"),
    ("database", "databases"), ("curriculum", "curricula"), ("researcher", "researchers"), ("student", "students"),
    ("family", "families"), ("child", "children"), ("publisher", "publishers"), ("author", "authors"),
    ("exhibition", "exhibitions"), ("agreement", "agreements"), ("committee", "committees"), ("region", "regions"),
]
AR_NOUNS = [
    ("مكتبة", "مكتبات"), ("شراكة", "شراكات"), ("شبكة", "شبكات"), ("ورشة", "ورشات"), ("جمعية", "جمعيات"),
    ("مبادرة", "مبادرات"), ("خدمة", "خدمات"), ("مجموعة", "مجموعات"), ("جامعة", "جامعات"), ("مؤسسة", "مؤسسات"),
    ("وزارة", "وزارات"), ("منظمة", "منظمات"), ("مشارك", "مشاركون"), ("متطوع", "متطوعون"), ("باحث", "باحثون"),
    ("مدرب", "مدربون"), ("ناشر", "ناشرون"), ("مكتبي", "مكتبيون"), ("مساعدة", "مساعدات"), ("اتفاقية", "اتفاقيات"),
    ("لجنة", "لجان"), ("منصة", "منصات"), ("قاعدة بيانات", "قواعد بيانات"), ("مخطوطة", "مخطوطات"),
    ("سياسة", "سياسات"), ("استراتيجية", "استراتيجيات"), ("جلسة", "جلسات"), ("مؤتمر", "مؤتمرات"),
    ("منتدى", "منتديات"), ("معرض", "معارض"), ("مدرسة", "مدارس"), ("أسرة", "أسر"), ("قارئ", "قراء"),
    ("مشروع", "مشاريع"), ("برنامج", "برامج"), ("مورد", "موارد"), ("منحة", "منح"), ("مجتمع", "مجتمعات"),
    ("حكومة", "حكومات"), ("إدارة", "إدارات"), ("أرشيف", "أرشيفات"), ("متحف", "متاحف"), ("دورة", "دورات"),
]
EN_ADJ = ["national", "regional", "public", "digital", "open", "local", "international", "academic", "shared",
          "sustainable", "collaborative", "inclusive", "rural", "urban", "professional", "cultural", "new"]
AR_ADJ = ["الوطنية", "الإقليمية", "العامة", "الرقمية", "المفتوحة", "المحلية", "الدولية", "الأكاديمية",
          "المشتركة", "المستدامة", "التعاونية", "الشاملة", "الريفية", "الحضرية", "المهنية", "الثقافية", "الجديدة"]
EN_PLACES = ["Doha", "Qatar", "Amman", "Jordan", "Beirut", "Lebanon", "Cairo", "Egypt", "Tunis", "Rabat",
             "Morocco", "Muscat", "Oman", "Riyadh", "Dubai", "Kuwait", "Manama", "Algiers", "Baghdad", "Khartoum",
             "Moscow", "Brisbane", "Queensland", "Nairobi", "Istanbul", "Lyon", "Singapore", "Santiago"]
AR_PLACES = ["الدوحة", "قطر", "عمّان", "الأردن", "بيروت", "لبنان", "القاهرة", "مصر", "تونس", "الرباط", "المغرب",
             "مسقط", "عُمان", "الرياض", "دبي", "الكويت", "المنامة", "الجزائر", "بغداد", "الخرطوم", "موسكو",
             "بريزبن", "كوينزلاند", "نيروبي", "إسطنبول", "ليون", "سنغافورة", "سانتياغو"]
EN_VERBS = ["launched", "supported", "organised", "funded", "hosted", "evaluated", "extended", "shared",
            "documented", "trained", "connected", "reviewed", "published", "coordinated", "planned", "expanded"]
AR_VERBS = ["أطلقت", "دعمت", "نظمت", "موّلت", "استضافت", "قيّمت", "وسّعت", "شاركت", "وثّقت", "درّبت", "ربطت",
            "راجعت", "نشرت", "نسّقت", "خططت", "طوّرت"]
EN_TEMPLATES = [
    "The {adj} {noun} {verb} a {noun2} with {plural} in {place} in {year}.",
    "{Plural} and {plural2} {verb} the {adj} {noun} together, and the results were shared with {plural3}.",
    "In {place}, {plural} {verb} {adj} {plural2} for {plural3} over {n} months.",
    "A {noun} of {n} {plural} {verb} the {noun2} after the {adj} {noun3} in {place}.",
    "Lessons from the {noun} show that {plural} need {adj} {plural2} and clear {plural3}.",
    "The {noun} {verb} {n} {plural} and {verb2} the {adj} {noun2} for {plural3}.",
]
AR_TEMPLATES = [
    "{verb} {def_noun} {adj} {noun2} مع {def_plural} في {place} عام {year}.",
    "{wa_def_plural} و{def_plural2} {verb} {def_noun} معًا، وشاركت النتائج مع {def_plural3}.",
    "في {place}، {verb} {def_plural} {plural2} {adj} لصالح {def_plural3} خلال {n} أشهر.",
    "{verb} {noun} من {n} {plural} {def_noun2} بعد {def_noun3} {adj} في {place}.",
    "تُظهر دروس {def_noun} أن {def_plural} تحتاج إلى {plural2} {adj} وإلى {plural3} واضحة.",
    "{verb} {def_noun} {n} {plural} ثم {verb2} {bi_def_noun2} {adj} لـ{def_plural3}.",
    "وقد {verb} {li_def_noun} {plural} جديدة، فكانت {def_plural2} أكثر قربًا من {def_plural3}.",
]
TASHKEEL = "\u064e\u064f\u0650\u0651\u0652"


def _article(word: str) -> str:
    return word if word.startswith("ال") else "ال" + word


class _Writer:
    def __init__(self, lang: str, rng: random.Random):
        self.lang, self.rng = lang, rng

    def word(self, word: str) -> str:
        """An Arabic word as real text has it: now and then a diacritic or a tatweel."""
        r = self.rng.random()
        if self.lang == "ar" and len(word) > 3 and r < 0.04:
            i = self.rng.randrange(1, len(word) - 1)
            return word[:i] + (self.rng.choice(TASHKEEL) if r < 0.03 else "\u0640") + word[i:]
        return word

    def sentence(self) -> str:
        rng = self.rng
        if self.lang == "en":
            nouns = [rng.choice(EN_NOUNS) for _ in range(4)]
            values = {"noun": nouns[0][0], "noun2": nouns[1][0], "noun3": nouns[2][0], "plural": nouns[0][1],
                      "plural2": nouns[1][1], "plural3": nouns[2][1], "adj": rng.choice(EN_ADJ),
                      "verb": rng.choice(EN_VERBS), "verb2": rng.choice(EN_VERBS), "place": rng.choice(EN_PLACES)}
            values |= {"Plural": values["plural"].capitalize(), "year": rng.randrange(1995, 2026),
                       "n": rng.randrange(2, 40)}
            return rng.choice(EN_TEMPLATES).format(**values)
        nouns = [rng.choice(AR_NOUNS) for _ in range(4)]
        values = {"noun": nouns[0][0], "noun2": nouns[1][0], "noun3": nouns[2][0], "plural": nouns[0][1],
                  "plural2": nouns[1][1], "plural3": nouns[2][1], "adj": rng.choice(AR_ADJ),
                  "verb": rng.choice(AR_VERBS), "verb2": rng.choice(AR_VERBS), "place": rng.choice(AR_PLACES),
                  "year": rng.randrange(1995, 2026), "n": rng.randrange(2, 40)}
        for key in ["noun", "noun2", "noun3", "plural", "plural2", "plural3"]:
            values["def_" + key] = _article(values[key])
        values["wa_def_plural"] = "و" + values["def_plural"]
        values["bi_def_noun2"] = "ب" + values["def_noun2"]
        values["li_def_noun"] = "لل" + values["noun"]
        text = rng.choice(AR_TEMPLATES).format(**values)
        return " ".join(self.word(w) for w in text.split(" "))

    def title(self) -> str:
        rng = self.rng
        if self.lang == "en":
            noun, plural = rng.choice(EN_NOUNS)
            return (f"{rng.choice(EN_ADJ).capitalize()} {plural} and {rng.choice(EN_NOUNS)[0]} "
                    f"in {rng.choice(EN_PLACES)}")
        noun, plural = rng.choice(AR_NOUNS)
        return (f"{_article(plural)} {rng.choice(AR_ADJ)} و{_article(rng.choice(AR_NOUNS)[0])} "
                f"في {rng.choice(AR_PLACES)}")


def page_text(lang: str, rng: random.Random) -> str:
    """One page: a title, then three to six sections of two to four paragraphs."""
    writer = _Writer(lang, rng)
    parts = [f"# {writer.title()}\n"]
    for _ in range(rng.randrange(3, 7)):
        parts.append(f"## {writer.title()}\n")
        for _ in range(rng.randrange(2, 5)):
            parts.append(" ".join(writer.sentence() for _ in range(rng.randrange(3, 7))) + "\n")
    return "\n".join(parts)


def write_corpus(docs_dir: Path, pages: int, languages=("en", "ar"), seed: int = 0) -> list[Path]:
    """Write `pages` pages per language under docs_dir/<lang>/p/ plus an index page; return the paths."""
    written = []
    for lang in languages:
        rng = random.Random(f"{seed}-{lang}")
        folder = docs_dir / lang / "p"
        folder.mkdir(parents=True, exist_ok=True)
        index = docs_dir / lang / "index.md"
        index.write_text("# " + ("Synthetic corpus" if lang == "en" else "مدونة اصطناعية") + "\n", encoding="utf-8")
        written.append(index)
        for n in range(pages):
            path = folder / f"{n:04d}.md"
            path.write_text(page_text(lang, rng), encoding="utf-8")
            written.append(path)
    return written
