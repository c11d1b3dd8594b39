package io.contactdetails.benchmarks;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.concurrent.atomic.AtomicLong;

/** The MongoDB stand-in, counting the reads of read-model documents it serves: a read's round trips to the store. */
final class CountingBackend extends H2Backend {
    private final AtomicLong finds = new AtomicLong();

    CountingBackend(String fileName) {
        super(fileName);
    }

    long finds() {
        return finds.get();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equals("find") && !"trackingtokens".equals(query.get("find"))) {
            finds.incrementAndGet();
        }
        return super.handleCommand(channel, database, command, query);
    }
}
