"""Admin permission policies shared by the apps' viewsets."""

from wagtail.permission_policies import ModelPermissionPolicy


class RefusingPolicy(ModelPermissionPolicy):
    """Model permissions, except the `refused` actions, which nobody (not even a superuser) gets."""

    refused: tuple[str, ...] = ()

    def user_has_permission(self, user, action):
        if action in self.refused:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class NoAddPolicy(RefusingPolicy):
    """Rows that only arrive from the public site (messages, registrations): never added blank."""

    refused = ("add",)


class KeptRecordPolicy(RefusingPolicy):
    """Rows from the public site that are a record: never added blank, never deleted by the team.

    They end through a domain verb instead (a registration is cancelled), and personal data
    leaves through GDPR erasure, which anonymises.
    """

    refused = ("add", "delete")
