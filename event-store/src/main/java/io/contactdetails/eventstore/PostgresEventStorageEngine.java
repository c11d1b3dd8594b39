package io.contactdetails.eventstore;

import io.contactdetails.http.resource.StreamReads;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 * nothing: the event store wakes its reader for an append in its own process, and an append by another process
 * is announced over PostgreSQL's {@code NOTIFY} (the command side's {@code EventsAppendedNotifier}, a query side's
 * {@code EventsAppended}), with the store's poll, a second apart, behind both: each time the reader fetches again.
 * <p>
 * A token's gaps (indexes below it not yet committed when it passed them) are fetched beside the events after
 * it, as a union: written as one condition with {@code OR}, PostgreSQL walks the primary key from the first event
 * to find the first {@code batchSize} after the token.
 * <p>
 * Several streams, each from its own sequence number, are read in one query ({@link #read(Map)}): a write's
 * answer reads those of its owners' primaries it did not append to, one query for them all.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine implements StreamReads {

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

    /**
     * One branch of a {@code UNION ALL} per stream, each found by the index on aggregate and sequence number as one
     * stream's read is. PostgreSQL keeps a generic plan for such a statement after its fifth run; it plans
     * {@code unnest} over array parameters afresh on every run (its custom plan always looks cheaper), which cost
     * more than the round trip saved: PostgreSQL's CPU per create rose in each of eight paired rounds. Written as one
     * condition with {@code OR}, the statement took 0.19 ms for two streams in pgbench, this form 0.11-0.13 ms, two
     * reads of one stream 0.26-0.29 ms with their round trips. Run as this engine's other reads run, without a
     * transaction of its own (see {@code ReadsWithoutTransactions}): inside a request's transaction it reads on that
     * transaction's connection.
     */
    @Override
    public Map<String, DomainEventStream> read(Map<String, Long> firstSequenceNumbers) {
        EventSchema schema = schema();
        String oneStream = "SELECT " + domainEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " >= ?";
        String query = String.join(" UNION ALL ", Collections.nCopies(firstSequenceNumbers.size(), oneStream));
        List<DomainEventData<?>> rows = new ArrayList<>(JdbcUtils.executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(query);
            int parameter = 1;
            for (Map.Entry<String, Long> first : firstSequenceNumbers.entrySet()) {
                statement.setString(parameter++, first.getKey());
                statement.setLong(parameter++, first.getValue());
            }
            return statement;
        }, JdbcUtils.listResults(this::getDomainEventData), e -> new EventStoreException(
                "Failed to read the events of " + firstSequenceNumbers.keySet(), e)));
        rows.sort(Comparator.<DomainEventData<?>, String>comparing(DomainEventData::getAggregateIdentifier)
                .thenComparingLong(DomainEventData::getSequenceNumber));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), getEventSerializer(), upcasterChain)
                .asStream().collect(Collectors.groupingBy(DomainEventMessage::getAggregateIdentifier,
                        Collectors.collectingAndThen(Collectors.toList(), DomainEventStream::of)));
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
