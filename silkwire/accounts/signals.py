"""Feed the security log from Django's, axes' and the permission models' signals."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from silkwire.accounts import audit
from silkwire.accounts.models import SecurityEvent

Action = SecurityEvent.Action
User = get_user_model()


@receiver(user_logged_in, dispatch_uid="silkwire_security_login")
def _logged_in(sender, request, user, **kwargs):
    audit.record(Action.LOGIN, request=request, actor=user)


@receiver(user_logged_out, dispatch_uid="silkwire_security_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(Action.LOGOUT, request=request, actor=user)


@receiver(user_login_failed, dispatch_uid="silkwire_security_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    name = str(credentials.get("username") or "")
    refused = getattr(request, "silkwire_signin_refused", False)
    audit.record(
        Action.LOGIN_REFUSED if refused else Action.LOGIN_FAILED,
        request=request,
        actor_name=name,
        target=name,
    )


@receiver(user_locked_out, dispatch_uid="silkwire_security_locked_out")
def _locked_out(sender, request, username, ip_address, **kwargs):
    if getattr(request, "silkwire_signin_refused", False):
        return  # already locked: logged as a refused sign-in
    audit.record(
        Action.LOCKED_OUT,
        request=request,
        actor_name=username or "",
        target=username or "",
        detail=f"after {getattr(request, 'axes_failures_since_start', '?')} failures",
    )


def _names(model, pks) -> str:
    if model is Permission:
        rows = Permission.objects.filter(pk__in=pks).select_related("content_type")
        return ", ".join(sorted(f"{p.content_type.app_label}.{p.codename}" for p in rows))
    return ", ".join(sorted(str(o) for o in model.objects.filter(pk__in=pks)))


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="silkwire_security_groups")
def _groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if action == "pre_clear":  # post_clear no longer knows who was in the group
        pk_set = set(
            instance.user_set.values_list("pk", flat=True)
            if reverse
            else instance.groups.values_list("pk", flat=True)
        )
    if not pk_set:
        return
    kind = Action.GROUP_ADDED if action == "post_add" else Action.GROUP_REMOVED
    if reverse:  # group.user_set.add(users)
        for user in User.objects.filter(pk__in=pk_set):
            audit.record(kind, target=user.get_username(), detail=f"group: {instance.name}")
    else:  # user.groups.add(groups)
        audit.record(kind, target=instance.get_username(), detail=f"group: {_names(Group, pk_set)}")


def _permissions_changed(kind, label, instance, action, reverse, pk_set):
    if action not in {"post_add", "post_remove", "pre_clear"} or reverse:
        return
    if action == "pre_clear":
        field = "permissions" if kind == Action.GROUP_PERMISSIONS else "user_permissions"
        pk_set = set(getattr(instance, field).values_list("pk", flat=True))
    if not pk_set:
        return
    verb = "added" if action == "post_add" else "removed"
    audit.record(kind, target=label, detail=f"{verb}: {_names(Permission, pk_set)}")


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="silkwire_security_gperms")
def _group_permissions(sender, instance, action, reverse, pk_set, **kwargs):
    if isinstance(instance, Group):
        _permissions_changed(
            Action.GROUP_PERMISSIONS, instance.name, instance, action, reverse, pk_set
        )


@receiver(
    m2m_changed, sender=User.user_permissions.through, dispatch_uid="silkwire_security_uperms"
)
def _user_permissions(sender, instance, action, reverse, pk_set, **kwargs):
    if isinstance(instance, User):
        _permissions_changed(
            Action.USER_PERMISSIONS, instance.get_username(), instance, action, reverse, pk_set
        )


def _related(instance, field: str) -> str:
    # During a cascade the related row may be gone already: fall back to its id.
    try:
        return str(getattr(instance, field))
    except ObjectDoesNotExist:
        return f"#{getattr(instance, field + '_id')}"


def _wagtail_permission(instance, verb: str) -> None:
    # Wagtail keeps page and collection permissions of a group in their own tables.
    where = _related(instance, "page" if hasattr(instance, "page_id") else "collection")
    audit.record(
        Action.GROUP_PERMISSIONS,
        target=_related(instance, "group"),
        detail=f"{verb}: {_related(instance, 'permission')} on {where}",
    )


@receiver(post_save, sender=GroupPagePermission, dispatch_uid="silkwire_security_gpp_save")
@receiver(post_save, sender=GroupCollectionPermission, dispatch_uid="silkwire_security_gcp_save")
def _wagtail_permission_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        _wagtail_permission(instance, "added" if created else "changed")


@receiver(post_delete, sender=GroupPagePermission, dispatch_uid="silkwire_security_gpp_del")
@receiver(post_delete, sender=GroupCollectionPermission, dispatch_uid="silkwire_security_gcp_del")
def _wagtail_permission_deleted(sender, instance, **kwargs):
    _wagtail_permission(instance, "removed")
