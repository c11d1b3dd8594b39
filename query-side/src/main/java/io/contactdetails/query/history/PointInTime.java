package io.contactdetails.query.history;

import io.contactdetails.http.resource.AccountState;
import io.contactdetails.http.resource.EventStoreStates;
import io.contactdetails.http.resource.ResourceStates;
import io.contactdetails.http.resource.StreamReads;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * What the API would have answered at an instant: the states folded from the events up to then, rendered
 * by the same renderer as a live read.
 */
@Component
public class PointInTime {
    private final StreamReads streams;

    public PointInTime(StreamReads streams) {
        this.streams = streams;
    }

    /** An account as it was, and the states of what it then referred to. */
    public record Past(AccountState account, ResourceStates states) {
        public String firmUuid() {
            return account.firmUuid();
        }
    }

    /** The account as it was at {@code asOf}; empty if it did not exist yet. */
    public Optional<Past> account(String accountId, Instant asOf) {
        ResourceStates states = EventStoreStates.asOf(streams, asOf);
        return states.account(accountId).map(account -> new Past(account, states));
    }
}
