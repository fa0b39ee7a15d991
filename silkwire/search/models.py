"""Name variants: the region's names in their many spellings, edited by the newsroom."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from silkwire.search.query import fold, words


class NameVariant(models.Model):
    """One name and the other spellings that must find the same articles."""

    name = models.CharField(
        max_length=120, unique=True, help_text="The spelling the outlet uses, e.g. “Kyrgyzstan”."
    )
    variants = models.TextField(
        help_text="Other spellings, one per line, e.g. “Kirghizia”. Any of them finds the others."
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why these belong together.")

    panels = [FieldPanel("name"), FieldPanel("variants"), FieldPanel("note")]

    class Meta:
        ordering = ["name"]
        verbose_name = "name variant"

    def __str__(self) -> str:
        return self.name

    def spellings(self) -> list[str]:
        """Return the name and its variants, without blanks or duplicates."""
        found: dict[str, str] = {}
        for line in [self.name, *self.variants.splitlines()]:
            text = " ".join(line.split())
            if text and words(text):
                found.setdefault(fold(text), text)
        return list(found.values())

    def clean(self):
        super().clean()
        if not words(self.name):
            raise ValidationError({"name": "The name needs at least one letter or digit."})
        if len(self.spellings()) < 2:
            raise ValidationError({"variants": "Add at least one other spelling, one per line."})


def variant_groups() -> list[list[str]]:
    """Return every group of equivalent spellings (one query)."""
    return [v.spellings() for v in NameVariant.objects.all()]
