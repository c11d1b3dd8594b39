package io.contactdetails.benchmarks;

import de.bwaldvogel.mongo.bson.Document;
import io.contactdetails.standin.StandInBackend;
import io.contactdetails.standin.StandInFileStore;
import io.netty.channel.Channel;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MongoDB stand-in (the standalone's, with H2 writing its file on its own timer, as the server a benchmarked
 * service only connects to must), counting the commands on read-model documents it serves (not the processors'
 * tokens): the round trips a read or a replayed event costs.
 */
final class CountingBackend extends StandInBackend {
    private static final Set<String> READS = Set.of("find", "aggregate", "count", "distinct", "getMore");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete");
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    CountingBackend(String fileName) {
        super(StandInFileStore.builder(fileName).open());
    }

    /** Reads of any kind: a join or a count is a round trip as much as a find. */
    long reads() {
        return reads.get();
    }

    long writes() {
        return writes.get();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!"trackingtokens".equals(query.get(command))) {
            if (READS.contains(command)) {
                reads.incrementAndGet();
            } else if (WRITES.contains(command)) {
                writes.incrementAndGet();
            }
        }
        return super.handleCommand(channel, database, command, query);
    }
}
