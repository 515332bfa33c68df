package io.brief2image.store;

import io.brief2image.base.ServiceStopping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the store's statements. When the database does not answer (down, restarting, network), a
 * pipeline call waits and tries again until it is back: the brief waiting here is still held by the
 * broker's open transaction, so nothing is lost, and health says why ({@link #downReason()}). Once the
 * service stops, a waiting call gives up with {@link ServiceStopping} and the brief goes back to the queue.
 * Any other SQL error is a fault of the store and is thrown at once.
 */
final class StoreAccess {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAccess.class);
    private static final long FIRST_RETRY_MILLIS = 250;
    private static final long LONGEST_RETRY_MILLIS = 5_000;

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final CompletableFuture<? extends DataSource> dataSource;
    private final String where;
    private final AtomicReference<String> down = new AtomicReference<>();
    private volatile BooleanSupplier stopping = () -> false;

    /** @param dataSource completes when the store is open (SharedStore opens it in the background) */
    StoreAccess(CompletableFuture<? extends DataSource> dataSource, String where) {
        this.dataSource = dataSource;
        this.where = where;
    }

    void stopping(BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    /**
     * One INSERT, UPDATE or DELETE with its parameters in order (strings and numbers; a null is a NULL
     * string): the rows it changed.
     */
    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement.executeUpdate();
        }
    }

    /** Runs {@code work} in one transaction (auto-commit for a single statement), waiting out an outage. */
    <T> T call(String what, Work<T> work) {
        long pause = FIRST_RETRY_MILLIS;
        while (true) {
            try {
                return once(what, work);
            } catch (StoreUnavailable e) {
                if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new ServiceStopping("it was waiting for the shared store (" + what + ")");
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ServiceStopping("it was waiting for the shared store (" + what + ")");
                }
                pause = Math.min(LONGEST_RETRY_MILLIS, pause * 2);
            }
        }
    }

    /** One try, for readers that must answer at once (health, status page): throws {@link StoreUnavailable}. */
    <T> T once(String what, Work<T> work) {
        try (Connection connection = open().getConnection()) {
            T result = work.run(connection);
            up();
            return result;
        } catch (SQLException e) {
            if (unreachable(e)) {
                String reason = "the shared store (" + where + ") does not answer: " + firstLine(e)
                        + "; briefs wait and nothing is lost until it is back";
                if (down.getAndSet(reason) == null) {
                    LOG.warn("{} ({})", reason, what);
                }
                throw new StoreUnavailable(reason, e);
            }
            throw new IllegalStateException("the shared store failed to " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction with auto-commit off. */
    <T> T transaction(String what, Work<T> work) {
        return call(what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private DataSource open() {
        try {
            return dataSource.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Why the store is down, or null while it answers. */
    String downReason() {
        return down.get();
    }

    private void up() {
        if (down.getAndSet(null) != null) {
            LOG.info("the shared store ({}) answers again", where);
        }
    }

    /** The database did not answer (as against refusing: a bad login, no such database, bad SQL). */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // 28 invalid authorisation, 3D000 no such database: no wait makes those work
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"))) {
                return false;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.SocketException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection exception, 57P01-03 admin shutdown / crash / cannot connect now, 53 out of resources
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = String.valueOf(deepest.getMessage());
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }
}
