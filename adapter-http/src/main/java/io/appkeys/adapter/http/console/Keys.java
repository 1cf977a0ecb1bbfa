package io.appkeys.adapter.http.console;

import java.util.List;
import java.util.Optional;

/** The console's views of keys, as the pages show them: every value already written for a person to read. */
public final class Keys {

    private Keys() {}

    /** One page of the key list, the filter it was asked with, and the link to the next page if there is one. */
    public record ListPage(List<Row> rows, Filter filter, Optional<String> next, boolean mayCreate) {}

    /** What the list was narrowed to: a part of the label, a state ({@code all}, {@code active}, {@code inactive}), due. */
    public record Filter(String label, String state, boolean due) {}

    /** A key in the list. */
    public record Row(
            String id, String label, String appKey, String status, String tokenAge, String expires, String lastUsed) {}

    /** One key with its tokens and roles, and what the signed-in key may do to it. */
    public record Detail(
            Row key,
            String created,
            String tokenIssued,
            String tokenLastUsed,
            Optional<Renewal> renewal,
            List<RoleItem> roles,
            List<RoleItem> linkable,
            boolean active,
            boolean mayEdit,
            boolean mayRenew,
            boolean mayLink) {}

    /** A renewal in progress: the new token's dates beside the old one's, and when the old one stops working. */
    public record Renewal(String newTokenIssued, String newTokenLastUsed, String oldTokenEnds) {}

    public record RoleItem(String id, String name) {}

    /**
     * A token shown this once, after a key is created or its token renewed.
     *
     * @param renewed whether it is a renewal's new token (the old one still works until the renewal ends)
     */
    public record Secret(String id, String label, String appKey, String token, boolean renewed) {

        @Override
        public String toString() {
            return "Secret[" + appKey + ", token=***]";
        }
    }
}
