package io.contactdetails.kernel;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
 * <p>
 * Each thread mints with a generator and a random source of its own. A request mints half a dozen ids (its command's
 * and its events' among them), and one generator for the process drew their bits under a lock, from the JDK's
 * default {@code SecureRandom}, which serialises every draw of the process on a lock of its own: request threads
 * queued on both (BENCHMARKS.md, twenty-eighth round). A DRBG instance per thread, seeded through the JDK's seeder
 * from the system's entropy, is as hard to guess and shared with no one; only a thread's first id goes through that
 * seeder, which is shared.
 */
public final class TimeOrderedIds {
    private static final ThreadLocal<TimeBasedEpochRandomGenerator> GENERATORS =
            ThreadLocal.withInitial(() -> Generators.timeBasedEpochRandomGenerator(ownRandomSource()));

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATORS.get().generate();
    }

    private static SecureRandom ownRandomSource() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK since 9 has a DRBG", e);
        }
    }
}
