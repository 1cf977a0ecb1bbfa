package io.appkeys.adapter.http.console;

import java.util.Objects;
import java.util.Optional;

/**
 * What the frame of every console page shows: its title and, when someone is signed in, the account, who, the
 * session's CSRF token for the forms, and which parts of the console the signed-in key's roles open. A part that
 * is not open is not offered; the use case behind it refuses it anyway when forced.
 */
public record Page(String title, Optional<Session> session) {

    public Page {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(session, "session");
    }

    /** A page for someone not signed in (the sign-in page, and the errors that say why). */
    public static Page signedOut(String title) {
        return new Page(title, Optional.empty());
    }

    /** The CSRF token the forms of this page carry; empty when no one is signed in. */
    public String csrf() {
        return session.map(Session::csrf).orElse("");
    }

    public record Session(
            String account,
            String signedInAs,
            String csrf,
            boolean mayViewKeys,
            boolean mayEditKeys,
            boolean mayManageAccess,
            boolean mayReadAudit) {

        @Override
        public String toString() {
            return "Session[" + account + ", " + signedInAs + ", csrf=***]";
        }
    }
}
