package io.appkeys.core.domain;

import static io.appkeys.core.domain.LicenseManager.EDIT_API_KEYS;
import static io.appkeys.core.domain.LicenseManager.EDIT_API_KEYS_SETTINGS;
import static io.appkeys.core.domain.LicenseManager.RENEW_API_TOKEN;
import static io.appkeys.core.domain.LicenseManager.SAVE_USER;
import static io.appkeys.core.domain.LicenseManager.VIEW_API_KEYS;

import java.util.function.Predicate;

/**
 * Who may manage what. The master user may do everything on its account; everyone else needs the named
 * resources: {@code ViewApiKeys} or {@code Save_User} to view keys, {@code EditApiKeys} or {@code Save_User} to
 * change them, {@code EditApiKeysSettings} to change the account's key settings, {@code RenewApiToken} and
 * another credential than the key itself to renew its token, {@code Save_User} to manage users, roles and
 * resources. Acting on another account is never allowed.
 */
public final class AccessPolicy {

    private AccessPolicy() {}

    /** Refuses, with the exception adapters answer 403 for, what {@code policy} does not allow the caller. */
    public static void require(Caller caller, Predicate<Principal> policy, String action) {
        if (!policy.test(caller.principal())) {
            throw new ForbiddenException(caller.principal().describe() + " may not " + action);
        }
    }

    public static boolean mayViewKeys(Principal principal) {
        return principal.holds(VIEW_API_KEYS) || principal.holds(SAVE_USER);
    }

    public static boolean mayEditKeys(Principal principal) {
        return principal.holds(EDIT_API_KEYS) || principal.holds(SAVE_USER);
    }

    /** Renewing needs {@code RenewApiToken} and a credential other than the key being renewed. */
    public static boolean mayRenew(Principal principal, AppKeyId key) {
        return principal.isMaster()
                || (principal.holds(RENEW_API_TOKEN) && !principal.id().equals(key));
    }

    /** The account's key settings: lifetime, renewal cadence, automatic finish of renewals. */
    public static boolean mayEditKeySettings(Principal principal) {
        return principal.holds(EDIT_API_KEYS_SETTINGS);
    }

    /** Users, roles, resources and role links. */
    public static boolean mayManageAccess(Principal principal) {
        return principal.holds(SAVE_USER);
    }

    public static boolean mayReadAudit(Principal principal) {
        return principal.holds(SAVE_USER) || principal.holds(VIEW_API_KEYS);
    }
}
