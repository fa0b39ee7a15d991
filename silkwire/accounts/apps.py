from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "silkwire.accounts"
    label = "accounts"
    verbose_name = "Accounts and sign-in"

    def ready(self):
        from silkwire.accounts import signals  # noqa: F401  (connects the security log)
