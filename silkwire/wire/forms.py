"""The admin form for a wire feed."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from silkwire.core.urls_policy import URLRefused, check_url
from silkwire.wire.models import Feed


class FeedForm(forms.ModelForm):
    # A CharField: the shared validator (clean_url) reads the URL as a browser does and names
    # the rule it breaks; Django's URLField would refuse some spellings with a vaguer message.
    url = forms.CharField(label="Feed URL", max_length=2000)
    enabled = forms.BooleanField(
        required=False,
        initial=True,
        help_text="Untick to stop polling. Ticking it again re-enables a feed disabled after "
        "repeated failures and polls it on the next run.",
    )

    class Meta:
        model = Feed
        fields = ["url", "name", "country", "timezone", "unicity", "unicity_forced"]

    def __init__(self, *args, for_user=None, **kwargs):  # Wagtail passes for_user
        super().__init__(*args, **kwargs)
        self.fields["enabled"].initial = self.instance.disabled_at is None

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Give the feed's http or https address.")
        try:
            return check_url(url).url  # the rules every fetch applies, checked before storing
        except URLRefused as exc:
            message = f"{exc.reason[:1].upper()}{exc.reason[1:]} (rule: {exc.rule})."
            raise forms.ValidationError(message) from None

    def save(self, commit: bool = True) -> Feed:
        feed = super().save(commit=False)
        enabled = self.cleaned_data.get("enabled", True)
        if enabled and feed.disabled_at is not None:
            feed.disabled_at, feed.error_count, feed.next_check_at = None, 0, timezone.now()
        elif not enabled and feed.disabled_at is None:
            feed.disabled_at = timezone.now()
        if commit:
            feed.save()
        return feed
