package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.time.Instant;
import java.util.UUID;

/** A second process for {@link DatabasesTest}: opens the embedded store another process holds, and writes. */
public final class EmbeddedWriter {

    private EmbeddedWriter() {}

    public static void main(String[] args) {
        try (Storage storage = Databases.open(DatabaseSettings.of(args[0]))) {
            storage.accounts()
                    .insert(new Account(
                            UUID.randomUUID(),
                            new AccountName(args[1]),
                            UserId.random(),
                            new Email("owner@" + args[1] + ".com"),
                            Instant.now()));
        }
    }
}
