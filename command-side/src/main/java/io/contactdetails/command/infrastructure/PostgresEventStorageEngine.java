package io.contactdetails.command.infrastructure;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC engine, except that its reads end at their first short batch. A stream here has no holes in its
 * sequence numbers (the unique key refuses a second event at one, and events are never deleted), so a short batch
 * is its end; Axon's engine reads on until a batch comes back empty, a second query for each stream a write answers
 * with and for each aggregate it loads.
 * <p>
 * The events after a tracking token are fetched as the first {@code batchSize} of them in order, not as those in
 * the next {@code batchSize} global indexes, so a short batch is the end of what is stored there too. Axon's window
 * may come back short or empty with events beyond it (an index burnt by a rolled-back append), so it reads on until
 * a window is empty and then asks for the lowest index beyond: three queries each time a tailing reader finds new
 * events and two each time it finds none, where this takes one. A reader that stops at a short batch misses
 * nothing: every append that commits later is announced to the readers (see {@code EventsAppendedNotifier}), and
 * they fetch again.
 * <p>
 * A token's gaps (indexes below it not yet committed when it passed them) are fetched beside the events after
 * it, as a union: written as one condition with {@code OR}, PostgreSQL walks the primary key from the first event
 * to find the first {@code batchSize} after the token.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    private PostgresEventStorageEngine(Builder builder) {
        super(builder);
    }

    static PostgresEventStorageEngine of(Builder builder) {
        return new PostgresEventStorageEngine(builder
                .readEventDataWithoutGaps(PostgresEventStorageEngine::after)
                .readEventDataWithGaps(PostgresEventStorageEngine::afterAndGaps)
                .extendedGapCheckEnabled(false));
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        return StreamSupport.stream(new Batches(token, batchSize()), false);
    }

    private static PreparedStatement after(Connection connection, EventSchema schema, long globalIndex, int batchSize)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(firstAfter(schema));
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        return statement;
    }

    private static PreparedStatement afterAndGaps(Connection connection, EventSchema schema, long globalIndex,
                                                  int batchSize, List<Long> gaps) throws SQLException {
        String filled = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")";
        PreparedStatement statement = connection.prepareStatement("SELECT * FROM (" + filled
                + ") AS gaps UNION ALL SELECT * FROM (" + firstAfter(schema) + ") AS next ORDER BY "
                + schema.globalIndexColumn());
        int parameter = 1;
        for (Long gap : gaps) {
            statement.setLong(parameter++, gap);
        }
        statement.setLong(parameter++, globalIndex);
        statement.setInt(parameter, batchSize);
        return statement;
    }

    private static String firstAfter(EventSchema schema) {
        return "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn() + " LIMIT ?";
    }

    /** Batch after batch from the token, until one is shorter than a batch. */
    private final class Batches extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {
        private final int batchSize;
        private TrackingToken token;
        private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
        private boolean lastBatch;

        Batches(TrackingToken token, int batchSize) {
            super(Long.MAX_VALUE, Spliterator.NONNULL | Spliterator.ORDERED);
            this.token = token;
            this.batchSize = batchSize;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!batch.hasNext()) {
                if (lastBatch) {
                    return false;
                }
                List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(token, batchSize);
                lastBatch = fetched.size() < batchSize;
                batch = fetched.iterator();
                if (!batch.hasNext()) {
                    return false;
                }
            }
            TrackedEventData<?> next = batch.next();
            token = next.trackingToken();
            action.accept(next);
            return true;
        }
    }
}
