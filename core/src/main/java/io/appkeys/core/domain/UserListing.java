package io.appkeys.core.domain;

import java.util.List;

/** One numbered page of an account's users, in creation order, and how many users the account has. */
public record UserListing(List<ListedUser> users, long total) {

    public UserListing {
        users = List.copyOf(users);
    }
}
