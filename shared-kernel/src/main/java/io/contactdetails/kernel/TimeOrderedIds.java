package io.contactdetails.kernel;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import java.util.UUID;

/**
 * The identifiers the service keeps as keys: firms, accounts, contact details, and (through the command side) the
 * identifiers of the events. Version 7 UUIDs (RFC 9562): the millisecond of their making first, then 74 random
 * bits, so that in the text form they sort by age (to the millisecond: two made in one millisecond are in no
 * particular order).
 * <p>
 * Why: each of them is a key in a B-tree, the event table's indexes and the read models' {@code _id}s, and a
 * random (version 4) key lands on a random page. A page PostgreSQL changes first after a checkpoint goes to its WAL
 * whole, and a page the read models' store writes is written whole with every document on it; with random keys
 * almost every new key changed a page of its own, with time-ordered ones the newest keys share the last pages.
 * The random bits keep them as hard to guess as a client needs (they are not what guards a firm's data: its
 * tenancy is).
 */
public final class TimeOrderedIds {
    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
