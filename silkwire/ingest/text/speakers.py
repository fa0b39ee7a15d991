"""Interview turns: which "Label: text" lines are a speaker talking (docs/ingest.md, "Plain
text", rule 6). Captions and credits ("Photo: …") never are."""

from __future__ import annotations

import re
from collections import Counter

from silkwire.ingest.text.lines import _ends_sentence, _Report, _Unit

# The outlet's own labels in interviews; the command adds SILKWIRE_INTERVIEWER_LABEL.
DEFAULT_INTERVIEWER_LABELS: tuple[str, ...] = ("Silkwire", "SW")

# Question/answer prefixes (docs/import-notes.md D.5 rule 4): en, ru, kk, ky, uz (Latin and Cyrillic), tg.
QA_LABELS: frozenset[str] = frozenset(
    "q a в о вопрос ответ сұрақ жауап суроо жооп savol javob савол жавоб ҷавоб".split()
)

# Labels that introduce captions, credits and notes, never speech (docs/import-notes.md D.5 rule 4, "guard against
# false positives"). Compared with the label's first word(s), case-insensitively.
NON_SPEAKER_LABELS: frozenset[str] = frozenset(
    [
        # English
        *"photo photos photograph image images picture video audio source sources credit".split(),
        *"credits caption note notes update updated correction related tags tag keywords".split(),
        *"author authors by translation translated reporting writing editing contact email".split(),
        *"e-mail tel phone website web address date time location where when disclaimer".split(),
        *"background reference map chart graphic graphics illustration infographic cover".split(),
        *"share follow attention warning ps p.s read see also more listen watch".split(),
        "editor's note",
        "editor’s note",
        # Russian
        *"фото фотография фотографии видео аудио источник источники справка примечание".split(),
        *"прим обновлено обновление исправление автор авторы теги тег перевод".split(),
        *"иллюстрация инфографика карта коллаж кадр скриншот подпись редакция читайте".split(),
        *"смотрите см подробнее адрес телефон дата место внимание".split(),
        # Kazakh, Kyrgyz, Uzbek, Tajik: photo / source
        *"сурет дереккөз булак манба manba surat foto сурат акс манбаъ".split(),
    ]
)

_LABEL = re.compile(
    r"^(?P<label>[^\W\d_][\w.’'\-]*(?: [\w.’'\-]+){0,3}?)"
    r"(?:\s*:|(?P<dash>\s+[—–-]))(?:\s+(?P<rest>\S.*)|\s*)$"
)


def _match_label(text: str) -> re.Match[str] | None:
    m = _LABEL.match(text)
    if m is None or not m.group("label")[0].isupper():
        return None
    label = m.group("label").rstrip(".")
    if m.group("dash") and label.casefold() not in QA_LABELS:
        return None  # "Name — text" is too common in prose; only Q/A prefixes take a dash
    return m


def _is_non_speaker(label: str) -> bool:
    folded = label.casefold().rstrip(".")
    words = folded.split()
    return (
        folded in NON_SPEAKER_LABELS
        or words[0].rstrip(".") in NON_SPEAKER_LABELS
        or " ".join(words[:2]) in NON_SPEAKER_LABELS
    )


# Lower-case words that may sit inside a person's name ("Ilham Heydar oglu Aliyev").
_NAME_PARTICLES = frozenset(
    "de da del van von der al el bin ibn bint uly kyzy ogly oglu ugli qizi кызы улы оглы угли "
    "кизи ибн бин аль эль".split()
)


def _could_be_speaker(label: str) -> bool:
    """A Q/A prefix, or a name-like label: "Aigerim Sadykova", "SW" — not "She added"."""
    if _label_key(label) in QA_LABELS:
        return True
    return all(word[0].isupper() or word in _NAME_PARTICLES for word in label.split())


def _label_key(label: str) -> str:
    return label.rstrip(".").casefold()


def _resolve_speakers(units: list[_Unit], interviewer_labels: set[str], report: _Report) -> None:
    """Mark which "Label: text" units are interview turns (docs/import-notes.md D.5 rule 4)."""
    candidates = [u for u in units if u.label is not None]
    counts = Counter(_label_key(u.label or "") for u in candidates)
    for u in candidates:
        key = _label_key(u.label or "")
        u.speaker = key in QA_LABELS or key in interviewer_labels or counts[key] >= 2
    # A name used once still speaks when it answers (or asks) a confirmed speaker.
    for i, u in enumerate(candidates):
        if u.speaker or not _ends_sentence(u.text):
            continue  # "Interview: A Title Without a Full Stop" is a headline, not a turn
        neighbours = candidates[max(i - 1, 0) : i] + candidates[i + 1 : i + 2]
        if any(
            n.speaker and _label_key(n.label or "") != _label_key(u.label or "") for n in neighbours
        ):
            u.speaker = True
    any_speaker = any(u.speaker for u in candidates)
    for u in candidates:
        if not u.speaker and any_speaker and _ends_sentence(u.text):
            report.warn(
                u.line,
                "label-not-speaker",
                f"{u.label + ':'!r} looks like a speaker label but is used once, away from the "
                "other speakers; kept as paragraph text.",
            )
