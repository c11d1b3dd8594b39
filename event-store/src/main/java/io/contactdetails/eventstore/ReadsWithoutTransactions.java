package io.contactdetails.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.util.function.Supplier;

/**
 * The event storage engine's transactions: its writes (appends, snapshots) run in one as before, its reads run
 * as they come. Axon 4.13's JDBC engine reads through {@code fetchInTransaction} and writes through
 * {@code executeInTransaction}; each of its reads is one query, or a few that need no common snapshot at READ
 * COMMITTED, so a transaction of its own added nothing but the COMMIT that ended it: one more round trip to the
 * database for every stream a write answers with and every fetch of the event processors that tail the store. A
 * read inside a request's or a command's transaction still runs in it, as the connection provider hands out that
 * transaction's connection.
 */
final class ReadsWithoutTransactions implements TransactionManager {
    private final TransactionManager writes;

    ReadsWithoutTransactions(TransactionManager writes) {
        this.writes = writes;
    }

    @Override
    public Transaction startTransaction() {
        return writes.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> read) {
        return read.get();
    }
}
