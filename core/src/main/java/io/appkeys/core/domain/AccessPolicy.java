package io.appkeys.core.domain;

import static io.appkeys.core.domain.LicenseManager.EDIT_API_KEYS;
import static io.appkeys.core.domain.LicenseManager.RENEW_API_TOKEN;
import static io.appkeys.core.domain.LicenseManager.SAVE_USER;
import static io.appkeys.core.domain.LicenseManager.VIEW_API_KEYS;

/**
 * Who may manage what (DESIGN.md section 3, rule 2). The master user may do everything on its account;
 * everyone else needs the named resources. Acting on another account is never allowed.
 */
public final class AccessPolicy {

    private AccessPolicy() {}

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

    /** Users, roles, resources and role links. */
    public static boolean mayManageAccess(Principal principal) {
        return principal.holds(SAVE_USER);
    }

    public static boolean mayReadAudit(Principal principal) {
        return principal.holds(SAVE_USER) || principal.holds(VIEW_API_KEYS);
    }
}
