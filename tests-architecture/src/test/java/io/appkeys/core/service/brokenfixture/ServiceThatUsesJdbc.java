package io.appkeys.core.service.brokenfixture;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks "core is framework-free" on purpose: a use case talking JDBC. */
public final class ServiceThatUsesJdbc {

    public boolean isOpen(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
